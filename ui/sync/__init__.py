"""The Uitwisselen page: exchange files with a prison-session laptop or the office."""
