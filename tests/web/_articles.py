"""News texts written for the web tests (invented reports about real towns), run through the
real extractor by conftest.py. Two outlets report the Maiduguri attack, so it is one event
with two sources; one article carries markup and a script URL to test escaping."""

from __future__ import annotations

ARTICLES = [
    dict(outlet="Sahel Courier", published="2024-03-04",
         url="https://sahel-courier.test/2024/03/maiduguri-attack",
         title="Gunmen kill villagers near Maiduguri",
         text="Gunmen killed 12 villagers in an attack on Maiduguri, Borno State, on Sunday, "
              "police said. The attackers burned homes and stole cattle before fleeing."),
    dict(outlet="Lake Chad Monitor", published="2024-03-05",
         url="https://lakechad-monitor.test/news/borno-killings",
         title="Borno: twelve dead after raid on Maiduguri",
         text="Twelve villagers were killed when gunmen attacked Maiduguri in Borno State on "
              "Sunday, residents said. Survivors said the gunmen arrived on motorcycles."),
    dict(outlet="Nairobi Ledger", published="2024-06-26",
         url="https://nairobi-ledger.test/tax-protest",
         title="Police fire tear gas at tax protesters",
         text="Police fired tear gas at hundreds of protesters in Nairobi, Kenya, on Tuesday "
              "as they marched against new taxes. Two people were killed."),
    dict(outlet="Niger Bend Times", published="2024-02-10",
         url="https://nigerbend-times.test/gao-market-strike",
         title="Air strike hits Gao market",
         text="An air strike hit a market in Gao, Mali, on Friday, killing at least 8 "
              "civilians, local officials said."),
    dict(outlet="Horn Dispatch", published="2024-05-14",
         url="https://horn-dispatch.test/kismayo-clash",
         title="Army and militants clash near Kismayo",
         text="Soldiers clashed with al-Shabaab fighters near Kismayo, Somalia, on Monday. "
              "The army said 5 militants died in the fighting."),
    dict(outlet="Andes Wire", published="2024-04-09",
         url="https://andes-wire.test/la-paz-march",
         title="Teachers march in La Paz",
         text="Thousands of teachers marched peacefully through La Paz, Bolivia, on Monday to "
              "demand higher wages, organisers said."),
    # Untrusted markup in the title and text, and a javascript: URL: the page must show
    # these as plain text and never link the URL.
    dict(outlet="<b>Markup Gazette</b>", published="2024-01-16",
         url="javascript:window.__pwned_link=1",
         title='<img src=x onerror="window.__pwned=1">Riot in Kano',
         text='<script>window.__pwned=1</script> Rioters burned shops in Kano, Nigeria, on '
              'Monday <img src=x onerror="window.__pwned=1"> after a disputed election, '
              'police said. Three people were killed.'),
]
