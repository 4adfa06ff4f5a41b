"""The three services (`fetcher`, `extractor`, `indexer`), which share nothing but `shared` and
Kafka, and `cli`, the `newsflow` command that runs them and talks to them."""
