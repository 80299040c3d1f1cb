"""Keyboard helpers for the browser tests: move the focus with Tab only, see it."""

# The focused element shows the portal's focus ring: an outline or a box shadow.
FOKUS_SICHTBAR = """el => {
  const s = getComputedStyle(el);
  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
    || s.boxShadow !== 'none';
}"""


def tab_bis(page, ziel: str, schritte: int = 80, taste: str = "Tab") -> None:
    """Press Tab until the focused element matches the CSS selector or JS predicate ``ziel``.

    ``ziel`` starting with ``el =>`` is a predicate, else a CSS selector. Fails when the
    element is not reached, or when the focus on it cannot be seen.
    """
    pruefung = ziel if ziel.startswith("el =>") else f"el => el.matches({ziel!r})"
    for _ in range(schritte):
        page.keyboard.press(taste)
        if page.evaluate(f"({pruefung})(document.activeElement)"):
            break
    else:
        raise AssertionError(f"Mit {taste} nicht erreichbar: {ziel}")
    assert page.evaluate(f"({FOKUS_SICHTBAR})(document.activeElement)"), (
        f"Der Fokus auf {ziel} ist nicht zu sehen."
    )


def text_ist(text: str) -> str:
    """A predicate for tab_bis: the focused element's visible text is ``text``."""
    return f"el => el.innerText.trim() === {text!r}"
