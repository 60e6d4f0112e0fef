"""Write the extraction benchmark pages: bench/ingest_pages/NN-TEMPLATE.html + NN-TEMPLATE.gold.txt.

Each fictional story (bench/ingest_stories.py) is rendered in two of seven page layouts with the
furniture real news sites carry: navigation, cookie banners, breadcrumbs, bylines, share bars,
inline ads and "Read more" links, newsletter boxes, related and most-read lists with teaser
sentences, author bios, reader comments, sidebars and footers. The gold file is the known main
text: the body paragraphs and the photo caption (eventwire keeps captions in the text).

    python bench/ingest_make_pages.py      # deterministic: same files every run
"""

from __future__ import annotations

import html
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_stories import STORIES  # noqa: E402

OUT = Path(__file__).resolve().parent / "ingest_pages"
E = html.escape

SITES = [
    "The Meridian Post",
    "Northgate Herald",
    "Coastline Daily",
    "The Evening Ledger",
    "Harbour Times",
    "Continental Wire",
]
SECTIONS = [
    "Home",
    "World",
    "Politics",
    "Business",
    "Tech",
    "Science",
    "Health",
    "Sport",
    "Culture",
    "Opinion",
    "Video",
    "Podcasts",
]
TEASERS = [
    (
        "Central bank holds rates steady for a fourth month",
        "Policymakers said inflation was easing more slowly than expected and warned that "
        "borrowing costs would stay high for the rest of the year.",
    ),
    (
        "Heatwave forecast to break records across the south",
        "Forecasters expect temperatures to pass forty degrees in several cities, and health "
        "officials have urged people to stay indoors in the afternoon.",
    ),
    (
        "Football: late penalty sends City into the cup final",
        "A penalty in the last minute of extra time settled a tense semi-final watched by a "
        "sell-out crowd at the riverside stadium.",
    ),
    (
        "New rail line opens after six years of delays",
        "The first passengers travelled on the coastal line on Monday, cutting the journey "
        "between the two largest cities by almost an hour.",
    ),
    (
        "Scientists find rare frog species in mountain forest",
        "Researchers say the small green frog had not been recorded for more than fifty years "
        "and was feared to be extinct.",
    ),
    (
        "Opinion: our cities need more trees, not more car parks",
        "Planting along busy roads cools streets, cleans the air and costs far less than the "
        "councils that resist it like to claim.",
    ),
]
COMMENTS = [
    (
        "riverwatcher",
        "This has been coming for years and nobody in government listened. "
        "I hope they finally sit down and talk before somebody gets seriously hurt.",
    ),
    (
        "J. Marlow",
        "The reporting here is one-sided as usual. You never mention what "
        "ordinary people who just want to get to work think about all this.",
    ),
    (
        "oldtimer58",
        "My father lived through the same thing forty years ago and told me "
        "exactly how it would end. History repeats itself, sadly.",
    ),
]


def _nav() -> str:
    return "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in SECTIONS)


def _teasers(rng: random.Random, n: int, with_text: bool) -> str:
    items = rng.sample(TEASERS, n)
    if with_text:
        return "".join(
            f'<li><a href="/n/{i}"><h3>{E(h)}</h3></a><p>{E(t)}</p></li>'
            for i, (h, t) in enumerate(items)
        )
    return "".join(f'<li><a href="/n/{i}">{E(h)}</a></li>' for i, (h, _t) in enumerate(items))


def _comments(rng: random.Random) -> str:
    out = ""
    for name, text in rng.sample(COMMENTS, 2):
        out += (
            f'<li class="comment"><div class="comment-author">{E(name)}</div>'
            f'<div class="comment-date">2 hours ago</div><p>{E(text)}</p>'
            '<a href="#">Reply</a> <a href="#">Report</a></li>'
        )
    return out


def _paras(body: list[str], ads: bool = False, read_more: str | None = None) -> str:
    out = []
    for i, p in enumerate(body):
        out.append(f"<p>{E(p)}</p>")
        if ads and i == 1:
            out.append(
                '<div class="ad-slot"><span>Advertisement</span>'
                '<iframe src="/ads/slot1"></iframe></div>'
            )
        if read_more and i == 2:
            out.append(
                f'<p class="read-more"><strong>Read more:</strong> '
                f'<a href="/n/x">{E(read_more)}</a></p>'
            )
    return "".join(out)


def _jsonld(story: dict, date: str, author: str) -> str:
    return (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        f'"@type":"NewsArticle","headline":"{E(story["headline"])}",'
        f'"datePublished":"{date}T09:30:00Z","author":{{"@type":"Person","name":"{E(author)}"}}}}'
        "</script>"
    )


def classic(story: dict, rng: random.Random, site: str, date: str, author: str) -> str:
    cap = story["caption"]
    fig = (
        f'<figure><img src="/img/main.jpg" alt=""><figcaption>{E(cap)}</figcaption></figure>'
        if cap
        else ""
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{E(story["headline"])} | {site}</title>{_jsonld(story, date, author)}</head><body>
<div id="cookie-consent"><p>We use cookies and similar technologies to personalise content and
ads and to analyse our traffic. You can change your choices at any time.</p>
<button>Accept all</button><button>Manage preferences</button></div>
<a class="skip" href="#main">Skip to content</a>
<header><div class="logo">{site}</div><nav><ul>{_nav()}</ul></nav>
<div class="ticker">Breaking News</div></header>
<main id="main"><article><h1>{E(story["headline"])}</h1>
<div class="byline">By <a href="/authors/x">{E(author)}</a> <time>{date}</time></div>
{fig}<div class="article-body">{_paras(story["body"])}</div>
<div class="share-bar">Share this article <a>Facebook</a> <a>X</a> <a>WhatsApp</a>
<a>Email</a></div></article>
<section class="related"><h2>Related stories</h2><ul>{_teasers(rng, 3, False)}</ul></section>
<section id="comments"><h2>Comments (2)</h2><ul>{_comments(rng)}</ul>
<form><textarea placeholder="Join the conversation"></textarea><button>Post</button></form>
</section></main>
<footer><ul><li><a>About us</a></li><li><a>Contact us</a></li><li><a>Privacy policy</a></li>
<li><a>Terms of use</a></li></ul><p>Copyright 2024 {site}. All rights reserved.</p>
</footer></body></html>"""


def wordpress(story: dict, rng: random.Random, site: str, date: str, author: str) -> str:
    cap = story["caption"]
    fig = (
        f'<div class="wp-caption"><img src="/wp-content/uploads/a.jpg">'
        f'<p class="wp-caption-text">{E(cap)}</p></div>'
        if cap
        else ""
    )
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8">
<title>{E(story["headline"])} &#8211; {site}</title>
<meta property="article:published_time" content="{date}T07:15:00+00:00">
<meta name="author" content="{E(author)}"></head><body class="single-post">
<div id="page"><header id="masthead"><p class="site-title"><a href="/">{site}</a></p>
<p class="site-description">Independent news since 1998</p>
<nav id="site-navigation"><button class="menu-toggle">Menu</button><ul>{_nav()}</ul></nav>
</header><div id="content"><div id="primary"><main id="main">
<article class="post type-post"><header class="entry-header">
<h1 class="entry-title">{E(story["headline"])}</h1><div class="entry-meta">
<span class="posted-on">Posted on {date}</span> <span class="byline">by {E(author)}</span>
</div></header><div class="entry-content">{fig}{_paras(story["body"])}</div>
<footer class="entry-footer"><span class="cat-links">Posted in World, Politics</span>
<span class="tags-links">Tagged protest, security, region</span></footer></article>
<div class="author-info"><h2>About {E(author)}</h2><p>{E(author)} has covered politics and
security in the region for more than a decade and previously worked as a correspondent for
several international agencies. She lives by the sea with two cats.</p></div>
<nav class="post-navigation"><a rel="prev">Previous post: {E(TEASERS[0][0])}</a>
<a rel="next">Next post: {E(TEASERS[1][0])}</a></nav>
<div id="comments"><h2 class="comments-title">2 thoughts on this story</h2>
<ol class="comment-list">{_comments(rng)}</ol><div id="respond"><h3>Leave a Reply</h3>
<p>Your email address will not be published. Required fields are marked *</p></div></div>
</main></div><aside id="secondary" class="widget-area"><section class="widget">
<h2>Recent Posts</h2><ul>{_teasers(rng, 4, False)}</ul></section><section class="widget">
<h2>Archives</h2><ul><li>May 2024</li><li>April 2024</li><li>March 2024</li></ul></section>
</aside></div><footer id="colophon"><div class="site-info">Proudly powered by WordPress |
&copy; 2024 {site}</div></footer></div></body></html>"""


def bbcish(story: dict, rng: random.Random, site: str, date: str, author: str) -> str:
    cap = story["caption"]
    fig = (
        f'<figure><div class="image"><img src="/i/1.jpg"><span class="credit">Getty Images'
        f'</span></div><figcaption><span class="visually-hidden">Image caption, </span>'
        f"{E(cap)}</figcaption></figure>"
        if cap
        else ""
    )
    blocks = "".join(f'<div data-component="text-block"><p>{E(p)}</p></div>' for p in story["body"])
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>{E(story["headline"])} - {site}</title>
<meta property="og:title" content="{E(story["headline"])}">
<meta property="article:published_time" content="{date}T05:02:11.000Z"></head><body>
<div id="accessibility-links"><a href="#main-content">Skip to content</a>
<a href="#a11y">Accessibility Help</a></div><header><nav><ul>{_nav()}</ul></nav></header>
<div class="breadcrumbs"><a>News</a> &gt; <a>World</a> &gt; <a>Region</a></div>
<main id="main-content"><article><header><h1 id="main-heading">{E(story["headline"])}</h1>
</header><div data-component="byline-block"><span>By {E(author)}</span>
<span>World correspondent</span></div><div data-component="image-block">{fig}</div>
{blocks}<div data-component="tags"><h2>Related Topics</h2><ul><li><a>Protests</a></li>
<li><a>Human rights</a></li></ul></div></article>
<section data-component="links-block"><h2>More on this story</h2><ul>{_teasers(rng, 2, False)}
</ul></section><section class="top-stories"><h2>Top Stories</h2><ul>{_teasers(rng, 3, True)}
</ul></section></main><footer><p>&copy; 2024 {site}. {site} is not responsible for the
content of external sites. Read about our approach to external linking.</p></footer>
</body></html>"""


def tabloid(story: dict, rng: random.Random, site: str, date: str, author: str) -> str:
    cap = story["caption"]
    fig = (
        f'<div class="media"><img src="/m.jpg"><p class="caption">{E(cap)}</p></div>' if cap else ""
    )
    read_more = rng.choice(TEASERS)[0]
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{E(story["headline"])}</title>{_jsonld(story, date, author)}</head><body>
<div class="top-bar"><a>Sign in</a> <a>Subscribe</a> <a>Newsletters</a></div>
<header><a class="logo">{site}</a><nav><ul>{_nav()}</ul></nav></header>
<div class="layout"><div class="main-col"><article class="story">
<h1 class="story-headline">{E(story["headline"])}</h1>
<div class="story-meta"><span class="author">{E(author)}</span>
<span class="date">{date}</span><span class="read-time">4 min read</span></div>{fig}
<div class="story-body">{_paras(story["body"], ads=True, read_more=read_more)}</div>
<div class="newsletter-box"><h3>Get the morning briefing</h3><p>Sign up for our free
newsletter and get the stories that matter delivered to your inbox every weekday before
seven.</p><input placeholder="Your email"><button>Sign up</button></div>
</article><div class="paywall-note"><p>You have read 3 of 5 free articles this month.
Subscribe now for unlimited access to award-winning journalism.</p></div></div>
<aside class="sidebar"><div class="most-read"><h2>Most read</h2><ol>{_teasers(rng, 5, False)}
</ol></div><div class="ad-slot">Advertisement</div></aside></div>
<footer><p>&copy; 2024 {site} Media Ltd. All rights reserved. Registered in England.</p>
<p>Follow us on Facebook, X and Instagram</p></footer></body></html>"""


def legacy(story: dict, rng: random.Random, site: str, date: str, author: str) -> str:
    cap = story["caption"]
    capr = (
        f'<tr><td><img src="p.jpg"><br><font size="1"><i>{E(cap)}</i></font></td></tr>'
        if cap
        else ""
    )
    left = "".join(f'<a href="/{s.lower()}.html">{s}</a><br>' for s in SECTIONS)
    paras = "".join(f"<p><font face='Arial'>{E(p)}</font></p>" for p in story["body"])
    return f"""<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8">
<TITLE>{site}: {E(story["headline"])}</TITLE>
<META NAME="date" CONTENT="{date}"></HEAD><BODY BGCOLOR="#FFFFFF">
<TABLE WIDTH="100%"><TR><TD COLSPAN="3"><FONT SIZE="5"><B>{site}</B></FONT>
&nbsp; <A HREF="/">Home</A> | <A HREF="/archive">Archive</A> | <A HREF="/contact">Contact</A>
</TD></TR><TR><TD WIDTH="150" VALIGN="top">{left}<br><b>Weather</b><br>Sunny, 24C</TD>
<TD VALIGN="top"><FONT SIZE="4"><B>{E(story["headline"])}</B></FONT><BR>
<FONT SIZE="2">{date} - by {E(author)}</FONT><TABLE ALIGN="right">{capr}</TABLE>
{paras}<P><A HREF="/print">Print this page</A> | <A HREF="/mail">Email this story</A></P>
</TD><TD WIDTH="180" VALIGN="top"><B>Headlines</B><BR>{_teasers(rng, 4, False)}
<BR><B>Poll</B><BR>Should the city ban cars from the old town?<BR>Yes / No</TD></TR>
<TR><TD COLSPAN="3"><FONT SIZE="1">Copyright (c) 2024 {site}. Reproduction without
permission is prohibited.</FONT></TD></TR></TABLE></BODY></HTML>"""


def modern(story: dict, rng: random.Random, site: str, date: str, author: str) -> str:
    cap = story["caption"]
    fig = (
        f'<div class="story-image"><img src="/x.webp"><div class="story-image__caption">'
        f'<span class="caption">{E(cap)}</span> <span class="credit">Photo: Agency</span>'
        "</div></div>"
        if cap
        else ""
    )
    body = "".join(f'<div class="story-body__paragraph">{E(p)}</div>' for p in story["body"])
    grid = "".join(
        f'<div class="card"><a href="/c/{i}"><div class="card__title">{E(h)}</div>'
        f'<div class="card__summary">{E(t)}</div></a></div>'
        for i, (h, t) in enumerate(rng.sample(TEASERS, 3))
    )
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><title>{E(story["headline"])}</title>
<meta property="og:site_name" content="{site}">
<meta itemprop="datePublished" content="{date}"><meta name="author" content="{E(author)}">
</head><body><div id="root"><div class="app-header"><div class="brand">{site}</div>
<div class="app-menu"><span>Menu</span><span>Search</span><span>Log in</span></div></div>
<div class="crumbs"><span>News</span><span>World</span></div>
<div class="story"><div class="story-header"><h1 class="story-title">{E(story["headline"])}
</h1><div class="story-dateline">{E(author)} &middot; {date}</div></div>{fig}
<div class="story-body">{body}</div>
<div class="follow-promo">Follow us on X and Instagram for the latest updates.</div>
<div class="topic-tags"><span>Related topics</span><a>Security</a><a>Protests</a></div>
</div><div class="more-grid"><div class="more-grid__title">You may also like</div>{grid}
</div><div class="app-footer"><span>&copy; {site} 2024</span><span>Cookie settings</span>
<span>Privacy</span></div></div></body></html>"""


def inline(story: dict, rng: random.Random, site: str, date: str, author: str) -> str:
    """The hard case: furniture inside the article element, between body paragraphs."""
    cap = story["caption"]
    fig = (
        f'<figure class="inline-photo"><img src="/p.jpg"><figcaption>{E(cap)}'
        f"<small> Photograph: Staff</small></figcaption></figure>"
        if cap
        else ""
    )
    (h1, t1), (h2, _t2) = rng.sample(TEASERS, 2)
    parts = []
    for i, p in enumerate(story["body"]):
        parts.append(f"<p>{E(p)}</p>")
        if i == 0:
            parts.append(
                f'<aside class="inline-related"><h4>Related</h4><a href="/r">{E(h1)}</a>'
                f"<p>{E(t1)}</p></aside>"
            )
        if i == 1:
            parts.append(
                '<div class="newsletter-inline"><p>Sign up to First Edition, our free '
                "daily newsletter, every weekday morning at 7am.</p>"
                "<button>Sign up</button></div>"
            )
        if i == 2:
            parts.append(
                f'<div class="video-embed"><span>Watch</span><p>{E(h2)}</p>'
                "<p>This video can not be played</p></div>"
            )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{E(story["headline"])} | {site}</title>{_jsonld(story, date, author)}</head><body>
<header><nav aria-label="Main"><ul>{_nav()}</ul></nav><form role="search"><input>
<button>Search</button></form></header>
<article><header><div class="kicker">World news</div><h1>{E(story["headline"])}</h1>
<p class="standfirst-meta">{E(author)} in the region &middot; {date}</p></header>{fig}
<div class="body">{"".join(parts)}</div>
<p class="corrections"><a href="/corrections">Report an error</a></p>
<section class="comments"><h3>Comments</h3><ul>{_comments(rng)}</ul></section></article>
<aside><h2>Most viewed</h2><ol>{_teasers(rng, 5, True)}</ol></aside>
<footer><p>&copy; 2024 {site} News &amp; Media Limited or its affiliated companies. All
rights reserved.</p></footer></body></html>"""


TEMPLATES = [classic, wordpress, bbcish, tabloid, legacy, modern, inline]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*"):
        old.unlink()
    rng = random.Random(4)
    authors = ["Lena Varga", "Omar Haddad", "Priya Nair", "Tom Ekwueme", "Sofia Brandt"]
    count = 0
    for i, story in enumerate(STORIES):
        for shift in (0, 3):  # two layouts per story
            template = TEMPLATES[(i + shift) % len(TEMPLATES)]
            site = SITES[(i + shift) % len(SITES)]
            date = f"2024-{1 + i % 12:02d}-{10 + shift:02d}"
            page = template(story, rng, site, date, rng.choice(authors))
            stem = f"{count:02d}-{template.__name__}"
            (OUT / f"{stem}.html").write_text(page, "utf-8")
            gold = list(story["body"]) + ([story["caption"]] if story["caption"] else [])
            (OUT / f"{stem}.gold.txt").write_text("\n\n".join(gold) + "\n", "utf-8")
            count += 1
    print(f"wrote {count} pages to {OUT}")


if __name__ == "__main__":
    main()
