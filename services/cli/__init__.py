"""`newsflow`, the command line: `main` declares the commands, one `*_cmd` module each, `up` runs
every service with the bundled broker, `inputs` and `textfile` read local files as articles.
The one package that may import all three services (it runs them)."""
