"""Fictional news stories written for the extraction benchmark (places and people invented).

Each story: headline, photo caption (or None), body paragraphs. Used by
``bench/ingest_make_pages.py`` to build pages with realistic boilerplate around them.
"""

from __future__ import annotations

STORIES: list[dict] = [
    {
        "headline": "Police fire tear gas at fuel protest in Orvane",
        "caption": "Demonstrators cover their faces as tear gas drifts across Harbour Square "
        "in Orvane on March 3, 2024.",
        "body": [
            "Police in the port city of Orvane fired tear gas and water cannon on Sunday to "
            "break up a crowd of several thousand people protesting against a sharp rise in "
            "fuel prices.",
            "The protesters had gathered in Harbour Square shortly after noon, chanting slogans "
            "against the transport ministry and blocking the coastal road for more than two "
            "hours. Some threw stones at riot police lines near the customs building.",
            "A spokesman for the regional police said eleven officers had been hurt and "
            "twenty-three people detained. Volunteers at a field clinic said they had treated "
            "dozens of protesters for breathing problems.",
            "The government raised the regulated price of diesel by almost a third last week, "
            "saying it could no longer afford the subsidy. Unions have called a general strike "
            "for Thursday.",
        ],
    },
    {
        "headline": "Three killed as gunmen raid market in northern Dessa province",
        "caption": None,
        "body": [
            "Armed men on motorbikes attacked a weekly cattle market in the northern province "
            "of Dessa on Wednesday, killing three traders and setting fire to several stalls, "
            "local officials said.",
            "The attackers arrived in the village of Kolomba at around ten in the morning and "
            "opened fire on people who tried to stop them from driving away livestock, "
            "according to a district administrator who asked not to be named.",
            "Residents said the gunmen took more than two hundred head of cattle and fled "
            "towards the border. Soldiers arrived in the village several hours later.",
            "Cattle raids have become more frequent in the province this year, and farmers' "
            "groups accuse the authorities of failing to protect rural markets.",
        ],
    },
    {
        "headline": "Students occupy university building over tuition increase",
        "caption": "Students hang banners from the windows of the main library at Ilvar "
        "University on October 12, 2023. (Photo: Tomas Reyne)",
        "body": [
            "Hundreds of students occupied the main library of Ilvar University on Thursday "
            "in protest at a plan to double tuition fees from next year.",
            "The occupation began peacefully after a rally on the campus lawn, with students "
            "carrying sleeping bags and food into the building. Organisers said they would "
            "stay until the university council withdrew the proposal.",
            "The rector said in a statement that the increase was needed to pay for repairs "
            "to ageing buildings, but that she was willing to meet student representatives "
            "next week.",
            "It is the largest student protest in the city since 2016, when a similar plan "
            "was abandoned after weeks of demonstrations.",
        ],
    },
    {
        "headline": "Air strike hits fuel depot outside Marrak",
        "caption": None,
        "body": [
            "An air strike destroyed a fuel depot on the outskirts of Marrak late on Monday, "
            "setting off fires that burned through the night, residents and a rebel "
            "spokesman said.",
            "The rebel spokesman said two guards were killed and four workers wounded. The "
            "air force did not comment, but a military source said the depot had been used "
            "to supply armed groups in the hills to the east.",
            "Video shared by residents showed thick black smoke rising over the industrial "
            "zone, where several warehouses were also damaged.",
        ],
    },
    {
        "headline": "Farmers block motorway with tractors in water dispute",
        "caption": "Tractors line the northbound lanes of the A4 motorway near Bellmoor on "
        "June 21, 2024, as farmers protest new water limits.",
        "body": [
            "Farmers drove more than a hundred tractors onto the main motorway near Bellmoor "
            "on Friday, bringing traffic to a halt for most of the day in a protest against "
            "new limits on irrigation.",
            "The regional water authority cut the amount that farms may draw from the river "
            "by a fifth this month after a dry winter left reservoirs at their lowest level "
            "in decades.",
            "Police diverted traffic onto minor roads but made no attempt to remove the "
            "tractors. A farmers' union leader said the blockade would continue each Friday "
            "until the limits were eased.",
            "The agriculture minister said she understood the farmers' anger but that the "
            "water had to be shared fairly with towns downstream.",
        ],
    },
    {
        "headline": "Clashes between rival militias leave five dead in Sabrat",
        "caption": None,
        "body": [
            "Fighting broke out between two armed groups in the coastal town of Sabrat on "
            "Saturday night, killing at least five people including a child, according to a "
            "local hospital.",
            "The clashes began near a checkpoint on the road to the airport and spread into "
            "residential streets, where residents said they sheltered in their homes as "
            "heavy gunfire continued until dawn.",
            "The two groups, which are both nominally allied to the interior ministry, have "
            "competed for control of smuggling routes through the town for months.",
            "Town elders announced a ceasefire on Sunday afternoon, but witnesses reported "
            "sporadic shooting in the eastern districts into the evening.",
        ],
    },
    {
        "headline": "Nurses strike for second day as talks stall",
        "caption": "Nurses hold placards outside Saint Aldric Hospital in Pellham on "
        "November 7, 2023.",
        "body": [
            "Nurses at public hospitals across the country walked out for a second day on "
            "Tuesday after talks with the health ministry over pay and staffing broke down.",
            "Picket lines formed outside most large hospitals in the capital, Pellham, where "
            "emergency departments were running with skeleton crews. The nurses' union said "
            "nine in ten of its members had joined the strike.",
            "The health minister called the action irresponsible and said the government's "
            "offer of a six per cent rise was the best the budget allowed.",
            "Union leaders said they would return to talks only if the ministry agreed to "
            "discuss minimum staffing levels on wards.",
        ],
    },
    {
        "headline": "Roadside bomb wounds four soldiers near Tell Amra",
        "caption": None,
        "body": [
            "A roadside bomb exploded under an army patrol vehicle near the village of Tell "
            "Amra on Thursday morning, wounding four soldiers, the defence ministry said.",
            "The ministry said the patrol was clearing the road ahead of a convoy carrying "
            "food aid to displaced families. The wounded were flown to a military hospital "
            "and were in a stable condition.",
            "No group claimed the attack. Similar devices have been planted along the same "
            "road several times this year, and the army has blamed insurgents based in the "
            "nearby valleys.",
        ],
    },
    {
        "headline": "Thousands march in capital to demand early elections",
        "caption": "Opposition supporters wave flags on Liberty Avenue in Kestrel on "
        "April 14, 2024. (Photo: Ana Lyss / Metro Press)",
        "body": [
            "Tens of thousands of opposition supporters marched through the capital, Kestrel, "
            "on Sunday to demand early elections, in one of the biggest demonstrations since "
            "the government took office.",
            "The march, organised by a coalition of five opposition parties, passed off "
            "peacefully. Police estimated the crowd at forty thousand, while organisers "
            "claimed more than twice that number.",
            "Speakers accused the prime minister of mishandling the economy and of "
            "appointing allies to run the state broadcaster. The government said the next "
            "election would be held on schedule in two years.",
            "Organisers said they would hold similar rallies in other cities over the coming "
            "weeks.",
        ],
    },
    {
        "headline": "Prison riot in Vollen ends after inmates release guards",
        "caption": None,
        "body": [
            "A riot at the high-security prison in Vollen ended on Tuesday after inmates "
            "released six guards they had held hostage for almost two days, the justice "
            "ministry said.",
            "The unrest began on Sunday evening when prisoners on one wing refused to return "
            "to their cells, complaining about overcrowding and the quality of food. Parts "
            "of the wing were set on fire.",
            "The ministry said one inmate died during the riot, apparently after being "
            "attacked by other prisoners, and that an investigation had been opened.",
            "Human rights groups have long criticised conditions at the prison, which holds "
            "nearly twice as many people as it was built for.",
        ],
    },
    {
        "headline": "Miners' sit-in enters third week at Karsk copper mine",
        "caption": "Miners sit at the entrance of the Karsk copper mine on August 2, 2023.",
        "body": [
            "About four hundred miners are continuing a sit-in at the entrance of the Karsk "
            "copper mine, now in its third week, in a dispute over unpaid wages.",
            "The miners say the company that runs the mine owes them three months of pay. "
            "Production has been halted since the sit-in began, and lorries carrying ore "
            "have been unable to leave the site.",
            "The company said it had been hit by falling copper prices and would pay the "
            "wages in instalments. Workers' representatives rejected the offer on Monday.",
            "Families of the miners have brought food and water to the site, and a local "
            "church has set up a kitchen nearby.",
        ],
    },
    {
        "headline": "Drone attack damages power station, cutting electricity to city",
        "caption": None,
        "body": [
            "A drone attack damaged a power station near the city of Vesk early on Friday, "
            "leaving hundreds of thousands of homes without electricity, the energy "
            "ministry said.",
            "Two drones struck the station's transformer yard shortly before dawn, causing a "
            "large fire that firefighters took several hours to bring under control. No one "
            "was hurt, the ministry said.",
            "Engineers expected to restore power to most districts within two days. "
            "Hospitals switched to generators, and schools in the city were closed.",
            "Officials blamed the attack on separatist forces, who did not comment.",
        ],
    },
    {
        "headline": "Taxi drivers protest against ride-hailing apps in Lunmouth",
        "caption": "Taxis are parked across Station Road in Lunmouth on February 9, 2024.",
        "body": [
            "Hundreds of taxi drivers parked their cars across the main streets of Lunmouth "
            "on Monday morning in protest against ride-hailing apps, causing long traffic "
            "jams during the rush hour.",
            "The drivers say the apps operate without the licences and insurance that "
            "traditional taxis must pay for, and want the city council to ban them until "
            "new rules are agreed.",
            "Scuffles broke out near the railway station when a group of drivers tried to "
            "stop a car they believed was working for one of the apps. Police separated the "
            "two sides and no arrests were made.",
            "The council said it would publish draft regulations next month.",
        ],
    },
    {
        "headline": "Villagers say soldiers burned homes in Upper Tamsin",
        "caption": None,
        "body": [
            "Residents of a village in the Upper Tamsin district say soldiers burned more "
            "than thirty houses during a search operation last week, forcing hundreds of "
            "people to flee into the surrounding forest.",
            "Three villagers interviewed separately said troops arrived on Tuesday looking "
            "for members of an armed group and set fire to homes after finding weapons in "
            "one of them.",
            "The army denied the accusation, saying the houses caught fire during an "
            "exchange of gunfire with militants who had been hiding in the village.",
            "A local rights group said it had documented similar incidents in two other "
            "villages in the district since January.",
        ],
    },
    {
        "headline": "Court ruling sparks protest outside parliament",
        "caption": "Protesters gather outside the parliament building in Adrell on May 30, "
        "2024, after the court ruling.",
        "body": [
            "Several hundred people gathered outside parliament in Adrell on Thursday evening "
            "after the constitutional court upheld a law restricting foreign funding of "
            "charities.",
            "The protesters, many of them volunteers with local aid groups, said the law "
            "would force dozens of organisations to close. They held candles and read out "
            "the names of charities they said were at risk.",
            "Police kept the crowd behind barriers but did not intervene. The protest ended "
            "peacefully shortly before midnight.",
            "The government says the law is needed to prevent foreign interference in "
            "domestic politics.",
        ],
    },
    {
        "headline": "Ambush on supply convoy kills seven in Harn valley",
        "caption": None,
        "body": [
            "Militants ambushed a supply convoy in the Harn valley on Sunday, killing seven "
            "people including four drivers, security officials said.",
            "The convoy of fuel tankers and lorries was attacked with rocket-propelled "
            "grenades and machine guns on a narrow stretch of road, the officials said. "
            "Three lorries were destroyed.",
            "An armed group active in the valley said in a statement that it had carried out "
            "the attack and warned transport companies not to supply government forces.",
            "The road is the only route into the valley, and traders said prices of food "
            "and fuel in the villages there had already begun to rise.",
        ],
    },
]
