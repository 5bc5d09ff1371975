"""One post as text: splitting off the front matter, the lossless YAML/TOML/JSON
handlers behind `Document`, its encodings and line endings, and what the body
and values read as (text statistics, YAML 1.1 readings)."""
