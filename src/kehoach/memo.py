"""A cache for functions of one text, kept to short texts."""

from __future__ import annotations

from functools import lru_cache, update_wrapper


def text_cache(maxsize: int = 4096, longest: int = 300):
    """``lru_cache`` for a function of one text, used for texts of at most ``longest`` characters:
    a line is asked about again and again as the readers look back, while a long text (a
    paragraph, a page glued into one line) is computed each time rather than kept alive in the
    cache after its document. The function must be pure."""

    def wrap(fn):
        cached = lru_cache(maxsize=maxsize)(fn)

        def call(text: str):
            return cached(text) if len(text) <= longest else fn(text)

        call.cache_clear = cached.cache_clear
        return update_wrapper(call, fn)

    return wrap
