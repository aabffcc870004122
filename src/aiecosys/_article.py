"""The knowledge base of the article on Kai-Fu Lee, 01.AI, Mistral AI and Kyutai."""

from __future__ import annotations

import functools
from importlib import resources

from aiecosys._ecosystem import Ecosystem
from aiecosys._files import loads


__all__ = ["load_article"]


@functools.cache
def load_article() -> Ecosystem:
    """Return the knowledge base of the article shipped with aiecosys.

    It holds every organisation, person, model, funding round and fund fact
    that "Kai-Fu Lee, architecte d'un futur ouvert" (Eric Braune, The
    Conversation, early 2024) names, each with its sources. For now it
    returns the facts alone; the article's claims will be attached to it.
    The file is read once; later calls return the same immutable ecosystem.

    Examples:
        >>> from aiecosys import load_article
        >>> eco = load_article()
        >>> eco.organisation("零一万物").name
        '01.AI'
        >>> print(eco.model("Yi-34B").parameters)
        34,000,000,000 parameter (disclosed)
    """
    resource = resources.files("aiecosys") / "data" / "article.toml"
    return loads(resource.read_text(encoding="utf-8"), file="article.toml")
