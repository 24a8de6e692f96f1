"""Seeds a freshly started forum for the security scan through its real pages: registers a member, opens the
confirmation link from the mail pickup folder, starts a thread and replies. Writes the member's cookies as a
Cookie header for the scanners, and the ids they aim at."""
import email
import glob
import http.cookiejar
import json
import os
import re
import sys
import urllib.parse
import urllib.request
import uuid

base, data_dir, out_dir = sys.argv[1], sys.argv[2], sys.argv[3]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def get(path):
    with opener.open(base + path, timeout=30) as response:
        return response.geturl(), response.read().decode("utf-8")


def submit(path, action, fields):
    _, html = get(path)
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html)
    if token is None:
        token = re.search(r'value="([^"]+)" name="__RequestVerificationToken"', html)
    fields = dict(fields, __RequestVerificationToken=token.group(1))
    body = urllib.parse.urlencode(fields).encode()
    with opener.open(base + action, data=body, timeout=30) as response:
        return response.geturl(), response.read().decode("utf-8")


address = f"scan-{uuid.uuid4().hex[:12]}@example.org"
password = f"Scan {uuid.uuid4().hex} knee"
submit("/account/register", "/account/register",
       {"Email": address, "DisplayName": f"Scanner {uuid.uuid4().hex[:6]}", "Password": password, "ConfirmPassword": password})

link = None
for _ in range(100):
    for path in sorted(glob.glob(os.path.join(data_dir, "mail-pickup", "*.eml"))):
        message = email.message_from_binary_file(open(path, "rb"))
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                found = re.search(r"https?://\S+/account/confirm\S+", part.get_payload(decode=True).decode())
                link = found.group(0) if found else link
    if link:
        break
    __import__("time").sleep(0.2)
if not link:
    sys.exit("No confirmation mail arrived in the pickup folder.")
get(urllib.parse.urlsplit(link)._replace(scheme="", netloc="").geturl())

# Confirming does not sign in: nobody is signed in before confirming, and then only with their password.
submit("/account/login", "/account/login", {"Email": address, "Password": password})

thread_url, _ = submit("/t/rehab/new", "/t/rehab/new",
                       {"Title": "Physio after knee surgery", "Body": "Week one: gentle cycling only. It **helped**."})
thread_path = urllib.parse.urlsplit(thread_url).path
thread_id = thread_path.split("/")[2]
submit(thread_path, f"/threads/{thread_id}/reply", {"Body": "Same here: the second week was easier."})
_, page = get(thread_path)
post_ids = re.findall(r'id="post-(\d+)"', page)

open(os.path.join(out_dir, "cookie-header.txt"), "w").write("; ".join(f"{c.name}={c.value}" for c in jar))
json.dump({"thread": thread_path, "posts": post_ids}, open(os.path.join(out_dir, "seeded.json"), "w"))
print(f"Seeded {thread_path} (posts {', '.join(post_ids) or 'none found'}) as a signed-in member.")
