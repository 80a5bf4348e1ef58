"""The tool's own words in the reader's language, and the catalogue that holds them."""
