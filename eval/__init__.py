"""`make eval` (`python -m eval`): quality readings against gold data and the floors in
`floors.json`. `evaluation` scores the time expressions on TimeBank + AQUAINT (`timeml` reads
them) and the seed article's reading (`seed_reading`). Outside the runtime: it may import the
services, never the other way round; gold stays in ../shared and is never copied here."""
