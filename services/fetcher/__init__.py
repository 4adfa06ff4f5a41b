"""The fetcher service: feeds and article pages in, `Article` messages out.

`app` is the FastStream service and `fetch` its polling loop (`poll_feed`); `feeds` and
`json_feed` read RSS/Atom/JSON feeds, `pages` and `html_text` an article's page; `safe_http`,
`addresses`, `pinned_transport`, `decompress`, `decoding` and `xml_guard` keep hostile input
out; `schedule` and `host_limits` pace the polls; `state` remembers what was seen (SQLite) and
`near_duplicates` what was syndicated. May import: `shared` only.
"""
