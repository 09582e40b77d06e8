"""Script blocks compiled to Python source: one function per block, built with compile().

The closure compiler (engine/compiler/) stays the reference semantics: every block is compiled
there first, and this package then writes Python source for the nodes it knows, calling the
closure of any node it does not (per node or per statement).  docs/compiler.md explains the
generated code and how to read `pscompat --show-python`.
"""
