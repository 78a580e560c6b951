"""The bookmarklet the token page offers: run on a LinkedIn profile, it sends that
profile to POST /api/v1/people/from-profile with the user's token.

It reads four things and sends nothing else: the page's address (without its query
string), the name (the page's first heading), the headline under it, and the
current organization LinkedIn shows. LinkedIn changes its page markup from time to
time; when a field is not found it is sent empty and can be filled in Warmline.
"""

from __future__ import annotations

import json
from urllib.parse import quote

SENT = {
    "url": "the profile's address, without its query string",
    "name": "the name at the top of the profile",
    "headline": "the line under the name (kept as their title)",
    "organization": "the current company LinkedIn shows, if any",
}

SCRIPT = """(()=>{const t=s=>((document.querySelector(s)||{}).innerText||'').trim();\
fetch(%(endpoint)s,{method:'POST',credentials:'omit',headers:{'Authorization':\
'Bearer '+%(token)s,'Content-Type':'application/json'},body:JSON.stringify({\
url:location.origin+location.pathname,name:t('h1'),headline:t('.text-body-medium'),\
organization:t('button[aria-label^="Current company"]')})}).then(r=>r.json()).then(\
d=>alert(d.error?'Warmline: '+d.error.message:'Saved '+d.name+' in Warmline.'))\
.catch(e=>alert('Warmline could not be reached: '+e))})()"""


def bookmarklet(endpoint: str, token: str) -> str:
    """The link to drag to the bookmarks bar (a javascript: URL)."""
    code = SCRIPT % {"endpoint": json.dumps(endpoint), "token": json.dumps(token)}
    return "javascript:" + quote(code, safe="()=>{}[]|,;:'.+!?*-_/&^\"")
