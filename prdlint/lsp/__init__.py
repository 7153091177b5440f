"""`prdlint server`: a language server over stdio.

`lint` and `positions` are plain prdlint (no LSP library); `protocol` turns their results
into lsprotocol types; `server` wires pygls handlers, the debounce and the worker thread.
Only `prdlint server` imports pygls, so `prdlint check` stays lean."""
