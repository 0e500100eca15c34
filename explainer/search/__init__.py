"""Site search: a reader's words in, ranked pages with the matching passage out.

One module per job (docs/search.md explains the choices):

- words: the one tokenizer and the short stopword list
- synonyms: readers' words for the site's terms (content/synonyms.yaml), checked like content
- documents: what is indexed, one SearchDoc per page, and the content fingerprint
- index: building the index in the database, and telling whether it is current
- query: a reader's text as words, then as the terms the index is asked for
- lexicon: the words the site knows, for completions and "did you mean"
- sqlite, postgres: the two backends, each building its index and running a query
- highlight: turning the databases' highlight markers into safe <mark> HTML
- results: find(), the whole pipeline for the view

Nothing is imported here, so the content loader can use words, synonyms and documents
without loading the database side.
"""
