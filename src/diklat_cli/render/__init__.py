"""Presenters: pure functions from a computed value (a plan, findings, a sheet) to text.

`terminal` is the only module of `diklat plan` that imports rich; `json` and `markdown` need
nothing but the standard library. Nothing here reads files, the clock or the environment.
"""
