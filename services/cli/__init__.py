"""`newsflow`, the command line: `main` declares the commands, one `*_cmd` module each, `up` runs
every service with the bundled broker (and `up_state` records for the other commands what it
runs), `replay_cmd` holds `reindex` and `reextract` (a topic read again by a group of its own),
`inputs` and `textfile` read local files as articles, `output` prints counts, durations
and tables that fit the terminal for every command.
The one package that may import all three services (it runs them)."""
