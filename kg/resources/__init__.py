"""Data files that every stage reads (gazetteers, rule tables), and their readers.

This package imports no other stage, so ingestion may read the division table as the NLP and
linking stages do.
"""
