// The staff pages' forms as a browser uses them: GET the page for its antiforgery token and cookie, POST the
// fields with them, keep the cookies the answer sets. No redirect is followed: the answer's Location is the verdict.

export class Browser {
  constructor(base) {
    this.base = base;
    this.jar = new Map();
  }

  get cookie() {
    return [...this.jar.values()].join('; ');
  }

  keep(response) {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0];
      this.jar.set(pair.split('=')[0], pair);
    }
  }

  async get(path) {
    const response = await fetch(this.base + path, { redirect: 'manual', headers: { cookie: this.cookie } });
    this.keep(response);
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  }

  // Posts fields to action with the token of the form on page; returns the status and where it redirects.
  async submit(page, action, fields) {
    const form = await this.get(page);
    if (form.status !== 200) throw new Error(`GET ${page} answered ${form.status} ${form.location ?? ''}`);
    const token = /name="__RequestVerificationToken"[^>]*value="([^"]+)"/.exec(form.html)?.[1];
    if (!token) throw new Error(`${page} has no antiforgery field`);
    const body = new URLSearchParams({ ...fields, __RequestVerificationToken: decodeEntities(token) });
    const response = await fetch(this.base + action, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    this.keep(response);
    await response.arrayBuffer();
    return { status: response.status, location: this.path(response.headers.get('location')) };
  }

  // A redirect's target as a path: Razor components' redirects are absolute, the endpoints' are not.
  path(location) {
    return location?.startsWith(this.base) ? location.slice(this.base.length) : location;
  }
}

function decodeEntities(text) {
  return text.replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, dec) => String.fromCharCode(Number(dec)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// Fails unless the answer is a redirect to one of the expected places.
export function expectRedirect(what, answer, ...places) {
  if (answer.status !== 302 || !places.includes(answer.location))
    throw new Error(`${what}: expected 302 to ${places.join(' or ')}, got ${answer.status} ${answer.location ?? ''}`);
}
