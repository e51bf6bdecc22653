"""Tap targets too small for a finger, measured in a real browser."""

# Links, buttons, fields and disclosures in the given parts of the page that are smaller
# than the minimum (width and height, CSS pixels). A link inside a sentence is exempt
# (WCAG 2.5.8 "inline"); so is what is not shown (closed menu, lightbox not opened).
SMALL_TARGETS_SCRIPT = """([minimum, parts]) => {
    const inSentence = (el) => {
        if (el.tagName !== "A") return false;
        const block = el.parentElement.closest("p, li, dd, td, figcaption, blockquote");
        if (!block) return false;
        const rest = block.textContent.replace(el.textContent, "");
        return rest.trim().length > 0;
    };
    const kinds = ["a", "button", "input", "select", "textarea", "summary"];
    const targets = document.querySelectorAll(
        parts.flatMap((part) => kinds.map((kind) => `${part} ${kind}`)).join(", ")
    );
    return [...new Set(targets)].flatMap((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (box.width === 0 || box.height === 0 || style.visibility === "hidden") return [];
        // Inside a closed <details> (the phone menu) an element keeps a box but is not shown.
        if (!el.checkVisibility({ visibilityProperty: true })) return [];
        if (el.type === "hidden" || inSentence(el)) return [];
        if (box.width >= minimum && box.height >= minimum) return [];
        const name = (el.innerText || el.value || el.name || el.getAttribute("aria-label") || "");
        return [`${el.tagName.toLowerCase()} « ${name.trim().slice(0, 40)} » ` +
                `${Math.round(box.width)}x${Math.round(box.height)}`];
    });
}"""


def small_targets(page, minimum, parts=("header", "nav", "main")):
    """One line per target under `minimum` px in these parts of the page."""
    return page.evaluate(SMALL_TARGETS_SCRIPT, [minimum, list(parts)])
