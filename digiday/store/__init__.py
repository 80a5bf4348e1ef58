"""Getting the data: the bundled data and the layers over it, read, checked and merged."""
