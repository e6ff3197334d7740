"""The Vietnamese vocabulary the extractors read by, one module per kind of word, each word once.

To teach kehoach a new word, edit the one module of its kind and add its example to the case table
named in that module's docstring.
"""
