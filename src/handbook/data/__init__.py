"""The data stage: YAML read with a line for every value (kept between runs by
`load_cache`), the models that are the data contract, the rules across entries, and the
problems they find.

Nothing here knows about pages, builders or editions; every later stage starts from the
`Dataset` that `validate.check` returns.
"""
