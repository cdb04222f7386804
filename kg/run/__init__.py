"""The per-document unit of work (``document``), what it needs (``resources``), what it gives
(``result``), where its results are kept between builds (``cache``) and how documents are
spread over processes or a Dask cluster (``schedule``)."""
