"""The extractor service: articles in, actors, places, times and events out.

`app` is the FastStream service, `settings` its configuration, `metrics` what it counts, and
`pipeline` the one place that runs the stages in order on a batch: `parse` (spaCy and its
repairs), `timex` (time expressions), `actors` and `places` (the mentions, resolved), then
`events`. Each stage is a subpackage whose docstring says what it may import; no stage imports
Kafka or the modules of this folder other than `settings`.
"""
