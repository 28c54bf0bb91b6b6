"""The docstring examples in ui/ run too (pytest's --doctest-modules covers only the Qt-free packages)."""

from __future__ import annotations

import doctest

import pytest

import ui.choices
import ui.customers.model


@pytest.mark.parametrize("module", [ui.choices, ui.customers.model])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
