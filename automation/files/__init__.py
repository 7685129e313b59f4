"""Files: where privacy-tui keeps its things (the folders), how a file is written and read so
no one else can read it or swap it (private writes, limited reads), and the config file. It
stands on the domain only.
"""
