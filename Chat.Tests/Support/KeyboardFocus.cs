using Microsoft.Playwright;

namespace Chat.Tests.Support;

// Moving through a page with the keyboard alone, and checking that a sighted keyboard user can see where they are.
public static class KeyboardFocus
{
    // "" when the focused element shows a focus ring (an outline of 2px or more, or a box-shadow) and is not
    // hidden under anything (the sticky header): the point at its middle belongs to it. Otherwise what is wrong.
    const string Problem =
        """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return 'nothing has focus';
          const name = el.id ? '#' + el.id : el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '');
          const style = getComputedStyle(el);
          const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
          if (!ring) return `${name} has focus but no focus ring (outline ${style.outlineStyle} ${style.outlineWidth})`;
          const box = el.getBoundingClientRect();
          if (box.width < 1 || box.height < 1) return `${name} has focus but no size`;
          const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
          const y = Math.min(Math.max(box.top + Math.min(box.height, 40) / 2, 0), innerHeight - 1);
          const top = document.elementFromPoint(x, y);
          if (!top || !(el === top || el.contains(top) || top.contains(el))) return `${name} has focus but is hidden under ${top?.tagName.toLowerCase()}.${top?.className}`;
          return '';
        }
        """;

    public static async Task AssertVisible(IPage page, string step)
    {
        var problem = await page.EvaluateAsync<string>(Problem);
        Assert.True(problem.Length == 0, $"{step}: {problem}");
    }

    // Presses Tab (or Shift+Tab) until the element that matches `selector` has focus, at most `limit` times,
    // checking after every press that focus can be seen.
    public static async Task TabTo(IPage page, string selector, string step, bool backwards = false, int limit = 25)
    {
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            await AssertVisible(page, $"{step}, Tab {i + 1}");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
        }
        throw new Xunit.Sdk.XunitException($"{step}: {selector} never got focus in {limit} presses of Tab");
    }

    // Moves through a radio group with ArrowDown (which also checks) until the radio that matches `selector` has
    // focus, at most `limit` times, checking after every press that focus can be seen.
    public static async Task ArrowTo(IPage page, string selector, string step, int limit = 20)
    {
        for (var i = 0; !await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector); i++)
        {
            if (i == limit) throw new Xunit.Sdk.XunitException($"{step}: {selector} never got focus in {limit} presses of ArrowDown");
            await page.Keyboard.PressAsync("ArrowDown");
            await AssertVisible(page, $"{step}, ArrowDown {i + 1}");
        }
    }

    // Waits until the element that matches `selector` has focus (moved there by the page itself), and it shows.
    public static async Task Arrives(IPage page, string selector, string step)
    {
        try
        {
            await page.WaitForFunctionAsync("s => document.activeElement?.matches(s) ?? false", selector);
        }
        catch (TimeoutException)
        {
            var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing'");
            throw new Xunit.Sdk.XunitException($"{step}: focus never reached {selector}; it is on {focused}");
        }
        await AssertVisible(page, step);
    }
}
