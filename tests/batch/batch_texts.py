"""Short news reports written for the batch tests: some with events, some without."""

EVENTS = [
    "Gunmen killed five villagers in an attack on a farming settlement near Kaduna, Nigeria, "
    "on Monday, a local official said. Residents fled to the nearby town.",
    "Hundreds of teachers protested outside the education ministry in Nairobi, Kenya, on "
    "Tuesday to demand unpaid salaries. The rally ended peacefully in the afternoon.",
    "A roadside bomb exploded next to an army convoy outside Kandahar, Afghanistan, on "
    "Wednesday, killing three soldiers, the defence ministry said.",
    "Police arrested twelve suspected members of an armed gang in raids across Karachi, "
    "Pakistan, on Thursday, a police spokesman said.",
    "Soldiers clashed with militants in villages south of Mogadishu, Somalia, on Friday; "
    "eight fighters died in the exchange of fire, according to a military officer.",
    "Riot police fired tear gas to disperse students who had blocked the main road into "
    "Dhaka, Bangladesh, on Saturday. The students were demanding lower bus fares.",
    "An air strike on a compound east of Aleppo, Syria, killed six militants on Sunday, a "
    "monitoring group said.",
    "Armed men abducted four passengers from a bus on the highway outside Maiduguri, "
    "Nigeria, on Monday, the state police command said.",
]
QUIET = [
    "The city council of Lyon approved a new budget for public libraries on Monday. The "
    "mayor said two branches would open longer hours from next spring.",
    "Rovers beat Wanderers two goals to one in Manchester on Saturday to move top of the "
    "table. The captain scored a fine goal just before the break.",
    "Forecasters expect heavy rain across Portugal this week, with up to fifty millimetres "
    "in the hills around Porto. Farmers were advised to delay planting.",
    "Shares in a large food company rose in early trading in Frankfurt after it reported a "
    "rise in quarterly profit, helped by strong demand for its cereals.",
    "A festival of film and music opened in Edinburgh on Friday with more than forty "
    "artists taking part. Organisers said tickets for the closing concert were almost gone.",
    "The national museum in Lisbon has reopened after a two-year renovation of its main "
    "hall, with a new gallery of maps and ship models.",
]
