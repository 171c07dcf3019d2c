# SPDX-License-Identifier: GPL-3.0-or-later
# Tally claim lexicon: English.
#
# One entry per line, `key = value` or a bare `key`, grouped in [sections].
# Keys are lower case; a key may hold several words separated by single
# spaces ("more than"). A word may appear in several sections. Another
# language is another file like this one: no code change.

[number]
zero = 0
one = 1
two = 2
three = 3
four = 4
five = 5
six = 6
seven = 7
eight = 8
nine = 9
ten = 10
eleven = 11
twelve = 12
thirteen = 13
fourteen = 14
fifteen = 15
sixteen = 16
seventeen = 17
eighteen = 18
nineteen = 19
twenty = 20
thirty = 30
forty = 40
fifty = 50
sixty = 60
seventy = 70
eighty = 80
ninety = 90
dozen = 12
hundred = 100

# Multipliers after a number: "$94.8 billion", "€2.5bn", "3 million tonnes".
[scale]
hundred = 1e2
thousand = 1e3
million = 1e6
billion = 1e9
trillion = 1e12
k = 1e3
mn = 1e6
mln = 1e6
bn = 1e9
b = 1e9
tn = 1e12
trn = 1e12
# "m" is a scale only after a currency ("$5m"); otherwise it is metres.
m = 1e6

[fraction]
half = 0.5
halves = 0.5
third = 0.333333333333
thirds = 0.333333333333
quarter = 0.25
quarters = 0.25
fifth = 0.2
fifths = 0.2
tenth = 0.1
tenths = 0.1

[ordinal]
first = 1
second = 2
third = 3
fourth = 4
fifth = 5
sixth = 6
seventh = 7
eighth = 8
ninth = 9
tenth = 10
eleventh = 11
twelfth = 12
thirteenth = 13
fifteenth = 15
twentieth = 20
inaugural = 1

# Currency words and symbols → ISO 4217. Symbols written before the number.
[currency]
$ = USD
us$ = USD
us $ = USD
usd = USD
dollar = USD
dollars = USD
us dollar = USD
us dollars = USD
u.s. dollars = USD
€ = EUR
eur = EUR
euro = EUR
euros = EUR
£ = GBP
gbp = GBP
pound sterling = GBP
pounds sterling = GBP
¥ = CNY
cny = CNY
rmb = CNY
yuan = CNY
renminbi = CNY
yen = JPY
jpy = JPY
₽ = RUB
rub = RUB
rouble = RUB
roubles = RUB
ruble = RUB
rubles = RUB
₸ = KZT
kzt = KZT
tenge = KZT
som = KGS
soms = KGS
kgs = KGS
somoni = TJS
tjs = TJS
manat = TMT
tmt = TMT
uzs = UZS
sum = UZS
soum = UZS
₹ = INR
inr = INR
rupee = INR
rupees = INR
chf = CHF
swiss francs = CHF
₺ = TRY
lira = TRY
lari = GEL
azn = AZN
₼ = AZN

# Words in front of a number that bound or soften it.
[qualifier]
about = approx
around = approx
approximately = approx
roughly = approx
some = approx
nearly = approx
almost = approx
close to = approx
~ = approx
circa = approx
an estimated = approx
estimated = approx
an approximate = approx
just about = approx
over = over
more than = over
above = over
exceeding = over
upwards of = over
in excess of = over
greater than = over
just over = over
well over = over
slightly more than = over
more than a = over
beyond = over
less than = under
under = under
below = under
fewer than = under
just under = under
slightly less than = under
at least = at_least
a minimum of = at_least
no less than = at_least
not less than = at_least
no fewer than = at_least
at most = at_most
up to = at_most
no more than = at_most
not more than = at_most
a maximum of = at_most
as many as = at_most
as much as = at_most
surpassed = over
surpasses = over
surpassing = over
surpass = over
exceeded = over
exceeds = over
exceed = over
topped = over
tops = over
topping = over
crossed = over
crosses = over
approached = approx
approaches = approx
approaching = approx
approach = approx
fell short of = under
falls short of = under
fall short of = under
falling short of = under

# Words after a number that bound it: "12 or more".
[qualifier_after]
or more = at_least
or over = at_least
and above = at_least
plus = over
or less = at_most
or fewer = at_most
or so = approx

[percent]
% = %
percent = %
per cent = %
pct = %
percentage point = pp
percentage points = pp
pp = pp
point = pp
points = pp

[duration]
second = second
seconds = second
minute = minute
minutes = minute
hour = hour
hours = hour
day = day
days = day
week = week
weeks = week
month = month
months = month
year = year
years = year
decade = decade
decades = decade

[unit]
km = km
kilometre = km
kilometres = km
kilometer = km
kilometers = km
square kilometres = km2
square kilometers = km2
sq km = km2
km2 = km2
m = m
metre = m
metres = m
meter = m
meters = m
mile = mi
miles = mi
mm = mm
millimetre = mm
millimetres = mm
millimeter = mm
millimeters = mm
cm = cm
centimetre = cm
centimetres = cm
centimeter = cm
centimeters = cm
inch = in
inches = in
foot = ft
feet = ft
ft = ft
hectare = ha
hectares = ha
ha = ha
t = t
tonne = t
tonnes = t
ton = t
tons = t
metric tons = t
kg = kg
kilogram = kg
kilograms = kg
mw = MW
megawatt = MW
megawatts = MW
gw = GW
gigawatt = GW
gigawatts = GW
kwh = kWh
mwh = MWh
gwh = GWh
twh = TWh
bcm = bcm
billion cubic metres = bcm
billion cubic meters = bcm
cubic metres = m3
cubic meters = m3
cubic kilometres = km3
cubic kilometers = km3
cubic km = km3
km3 = km3
m3 = m3
barrel = bbl
barrels = bbl
bpd = bbl/d
barrels per day = bbl/d
teu = TEU
teus = TEU
mph = mph
km/h = km/h
°c = °C

# Time-of-day markers: "10 a.m.", "3pm". Times are never claims.
[time_marker]
am = am
pm = pm
a.m = am
p.m = pm
a.m. = am
p.m. = pm
gmt = tz
utc = tz
cet = tz
msk = tz

[month]
january = 1
jan = 1
february = 2
feb = 2
march = 3
mar = 3
april = 4
apr = 4
may = 5
june = 6
jun = 6
july = 7
jul = 7
august = 8
aug = 8
september = 9
sep = 9
sept = 9
october = 10
oct = 10
november = 11
nov = 11
december = 12
dec = 12

# Relative dates: `phrase = unit offset`.
[relative_date]
last year = year -1
this year = year 0
next year = year 1
the previous year = year -1
the following year = year 1
a year earlier = year -1
a year ago = year -1
last month = month -1
this month = month 0
next month = month 1
yesterday = day -1
today = day 0
tomorrow = day 1
# "on Tuesday": the day of that name on or before the reference date (after
# it in a clause about the future); ISO numbers, Monday = 1.
monday = weekday 1
tuesday = weekday 2
wednesday = weekday 3
thursday = weekday 4
friday = weekday 5
saturday = weekday 6
sunday = weekday 7

# Verbs and nouns that make a figure a change rather than a level.
[change]
eased
eases
slowed
accelerated
tripled
doubled
halved
quadrupled
lift
lifts
lifted
raise
raises
reduce
reduces
reduced
lower
lowered
boosted
slash
slashed
halve
rose
rise
rises
rising
risen
increase
increased
increases
increasing
grew
grow
grows
growing
grown
growth
jumped
jump
jumps
climbed
climb
surged
surge
soared
gained
gain
gains
expanded
added
fell
fall
falls
fallen
falling
dropped
drop
drops
declined
decline
declines
decreased
decrease
decreases
shrank
shrunk
slipped
plunged
plummeted
slumped
lost
up
down
boost
cut
cuts

# Verbs that tie a level to the subject: "trade reached $94.8 billion".
[level_verb]
seats
holds
hosts
houses
covers
serves
carries
take
takes
took
reached
reaching
remains
remained
remain
stays
stayed
costing
disbursed
spent
spend
invested
allocated
pledged
committed
earmarked
paid
handled
carried
employs
employed
reach
reaches
totalled
totaled
totaling
totalling
totals
total
stood
stands
amounted
amounts
was
were
is
are
hit
hits
exceeded
exceeds
topped
lasted
lasts
came
cost
costs
is worth
was worth
accounted
accounts
attracted
received
raised
signed
numbered
rose
fell
grew
increased
decreased
climbed
dropped
jumped
declined
surged
surpassed
surpasses
surpassing
surpass
exceeded
exceeds
exceed
topped
tops
topping
crossed
crosses
approached
approaches
approaching
approach

# Counters of page furniture: "5 Comments", "12 shares". Never claims.
[furniture]
comment
comments
reply
replies
share
shares
view
views
like
likes
reads
read
min
mins
retweets
reactions
photos
of
min-read

# Words just before a number that make it an identifier, not a quantity.
[id_prefix]
no
no.
nr
nr.
number
id
ref
ref.
article
section
chapter
paragraph
clause
page
pages
item
flight
route
room
gate
resolution
decree
order
tel
tel.
phone
fax
isbn
issn
code
box
p.o.
version
v
ver
covid
level
phase
stage
vol
vol.
issue
episode
grade
line
highway
kilometre
mile
sector
zone
block
unit
platform
terminal

# Nouns that name events (used to attach dates and ordinals to what they date).
[event]
summit
concert
edition
match
tournament
parade
meeting
visit
agreement
treaty
declaration
memorandum
conference
forum
election
launch
opening
plan
session
talks
congress
ceremony
expo
exhibition
festival
games
council
round
dialogue
signing
roadmap
programme
program
strategy

# Events that bring people together. An article names its gathering once ("the
# Third Baltic–Caspian Connectivity Summit") and then says "the meeting" or
# "the summit": a date of that bare gathering dates the named one.
[gathering]
summit
meeting
conference
forum
congress

# Words dropped from a measure phrase: determiners, pronouns, vague
# adjectives. They never stand in a measure.
[stop]
a
an
the
average
single
extra
previous
she
he
they
it
we
i
you
them
this
that
these
those
its
their
his
her
our
your
my
new
key
major
main
more
other
additional
further
total
some
such
several
many
various
different
remarkable
impressive
significant
record
whopping
mere
modest
estimated
reported
consecutive
all
both
each
every
its
own
separate
respective
combined
overall
annual
nearly
about
just
only
largest
biggest
highest
lowest
smallest
fastest
best
greatest
most
least
important
notable
respectively

# Words that end a noun phrase: prepositions, conjunctions, verbs of saying,
# auxiliaries. The measure is cut before them.
[np_break]
versus
currently
met
made
came
went
gave
got
saw
won
sent
left
led
held
began
became
below
above
of
in
on
at
to
for
from
with
by
between
among
across
into
over
under
and
or
but
that
which
who
whom
whose
while
as
than
since
during
through
per
is
are
was
were
be
been
being
has
have
had
will
would
can
could
may
might
should
must
do
does
did
not
said
says
say
according
including
like
last
this
next
each
when
where
why
how
what
after
before
until
within
against
about
around
toward
towards
via
amid
despite
because
if
so
also
then
only
alone
ago
earlier
later
now
already
still
worth
up
down

# Noun lemmas that the rules cannot guess.
[lemma]
logistics = logistics
# People counted by what befell them: "at least 18 dead", "40 injured".
dead = dead
injured = injured
wounded = wounded
staff = staff
aircraft = aircraft
personnel = personnel
police = police
cattle = cattle
livestock = livestock
sheep = sheep
fish = fish
crew = crew
heads of government = head of government
heads of state = head of state
heads of delegation = head of delegation
ministers of foreign affairs = minister of foreign affairs
countries = country
centres = centre
centers = center
cities = city
economies = economy
companies = company
facilities = facility
industries = industry
parties = party
policies = policy
utilities = utility
universities = university
communities = community
activities = activity
opportunities = opportunity
capacities = capacity
territories = territory
authorities = authority
delegates = delegate
people = person
children = child
men = man
women = woman
analyses = analysis
crises = crisis
bases = base
theses = thesis
criteria = criterion
phenomena = phenomenon
data = data
media = media
news = news
series = series
species = species
means = means
headquarters = headquarters
gas = gas
bus = bus
buses = bus
status = status
process = process
processes = process
access = access
business = business
businesses = business
success = success
address = address
progress = progress
congress = congress
analysis = analysis
basis = basis
crisis = crisis
axis = axis
lens = lens
yes = yes
this = this
its = its
us = us
pass = pass
glass = glass
class = class
classes = class
mass = mass
corridors = corridor
taxes = tax
boxes = box
indices = index
matrices = matrix
feet = foot
teeth = tooth
mice = mouse
geese = goose
lives = life
knives = knife
wives = wife
leaves = leaf
halves = half
shelves = shelf
wolves = wolf
thieves = thief
calves = calf
loaves = loaf
chiefs = chief
roofs = roof
proofs = proof
beliefs = belief
movies = movie
cookies = cookie
pies = pie
ties = tie
lies = lie
dies = die
species = species
studies = study
summaries = summary
ministries = ministry
secretaries = secretary
libraries = library
deliveries = delivery
refineries = refinery
histories = history
ceremonies = ceremony
emissions = emission
arms = arms
goods = goods
earnings = earnings
savings = savings
proceeds = proceeds
premises = premises
outskirts = outskirts
affairs = affairs

# Words that mark a sentence as speaking of the future ("will host … in
# March"), to resolve a bare month forwards rather than backwards.
[future]
will
shall
'll
plans
planned
plan
scheduled
upcoming
next
expected
intends
aims
set to
due

# Prepositions that make a year the period of a figure ("in 2024 trade
# reached …"): the figure's scope.
[scope_prep]
by
in
during
for
throughout
of

# Nouns that stand for the thing they count: "the value of trade" → trade.
[filler]
average
cost
value
volume
level
amount
number
total
sum
figure
tally
count
size

# Heads after an ordinal that make it no claim: "for the first time".
[ordinal_skip]
year
day
week
month
time
times
half
place
step
steps
glance
sight
instance
thing
priority
person
hand
world
lady
minister
secretary
deputy
vice
mentioned

# Determiners and object pronouns: they end a noun phrase that has begun.
[determiner]
a
an
the
this
that
these
those
its
their
his
her
our
it
them
us
him

# Auxiliaries before a bare verb: "will handle", "to raise".
[modal]
will
would
could
can
to
may
must
should
might

# Words after which a new clause (and a new subject) starts.
[clause_reset]
while
why
how
whereas
said
says
say
that
noted
added
estimate
estimates

# Function words the matcher asks for by role: `word = role`. The roles are
# fixed (TallyLexRole); which word plays each is the language's.
[role]
a = a
against = against
ago = ago
and = and
are = are
as = as
at = at
b = b
be = be
been = been
between = between
bigger = bigger
both = both
but = but
by = by
compared = compared
did = did
down = down
dozen = dozen
early = early
end = end
faster = faster
fewer = fewer
fold = fold
for = for
from = from
greater = greater
had = had
half = half
her = her
higher = higher
his = his
in = in
is = is
its = its
july = july
june = june
k = k
larger = larger
late = late
less = less
lived = lived
lower = lower
m = m
may = may
mid = mid
month's = month_poss
more = more
nd = nd
of = of
on = on
one = one
or = or
over = over
per = per
point = point
points = points
post = post
pre = pre
rd = rd
s = s
served = served
since = since
st = st
take = take
th = th
than = than
that = that
the = the
their = their
these = these
this = this
those = those
times = times
to = to
took = took
under = under
until = until
up = up
versus = versus
was = was
were = were
what = what
when = when
which = which
with = with
worked = worked
worth = worth
year = year
year's = year_poss
years = years

# Words that a full stop follows without ending the sentence ("Mr. Xi").
[abbreviation]
mr
mrs
ms
dr
prof
st
gen
sen
rep
gov
lt
col
capt
sgt
inc
ltd
co
corp
vs
etc
no
nos
jan
feb
mar
apr
jun
jul
aug
sep
sept
oct
nov
dec
approx
est
fig
vol
pp
art
jr
sr

# How a measure phrase writes an ordinal: "the inaugural summit" → "first summit".
[ordinal_name]
1 = first
2 = second
3 = third
4 = fourth
5 = fifth
6 = sixth
7 = seventh
8 = eighth
9 = ninth
10 = tenth

# Words that give a capitalised name its kind (tally-claims-subject.c): a
# name holding one is an organisation, a place or an event; a title before
# a name makes it a person's. A country or city is found in the generated
# gazetteer (en.names) instead.
[name_word]
inc = organisation
ltd = organisation
plc = organisation
corp = organisation
corporation = organisation
company = organisation
co = organisation
group = organisation
holdings = organisation
bank = organisation
ministry = organisation
department = organisation
agency = organisation
authority = organisation
university = organisation
institute = organisation
commission = organisation
council = organisation
committee = organisation
fund = organisation
association = organisation
federation = organisation
union = organisation
party = organisation
office = organisation
service = organisation
board = organisation
organisation = organisation
organization = organisation
motors = organisation
airlines = organisation
airways = organisation
line = organisation
times = organisation
news = organisation
canal = place
bridge = place
port = place
river = place
sea = place
ocean = place
city = place
province = place
region = place
county = place
state = place
island = place
islands = place
mountains = place
valley = place
bay = place
gulf = place
airport = place
street = place
summit = event
conference = event
forum = event
cup = event
olympics = event
games = event
championship = event
tournament = event
festival = event
referendum = event
election = event
earthquake = event
quake = event
flood = event
floods = event
storm = event
hurricane = event
collapse = event
war = event
crisis = event
mr = person
mrs = person
ms = person
dr = person
sir = person
president = person
minister = person
chancellor = person
king = person
queen = person
prince = person
captain = person
coach = person
ceo = person
chairman = person
chairwoman = person
founder = person

# Words that make a figure in the same clause a projection rather than what
# happened ("is expected to exceed $10 billion", "will cost", "could reach").
[projection]
will
'll
would
could
might
expected
expects
expect
forecast
forecasts
projected
predicted
predicts
predict
anticipated
likely
poised
estimate
estimates
target
targets
goal
goals
objective
guidance
consensus
potential

# Words written with a capital that never name what a figure is about:
# sentence openers and abbreviations of common nouns ("CEO Jane Doe" keeps
# "Jane Doe"; "YoY", "EVs").
[not_name]
while
after
before
despite
however
although
though
meanwhile
overall
earlier
later
also
then
both
since
because
according
consensus
ceo
cfo
coo
ev
evs
yoy
gdp
ipo
ai
q1
q2
q3
q4

alongside
amid
among
across
during
within
without
including
following
instead
still
yet
now
today
here
there
thus
indeed
furthermore
moreover
nonetheless
nevertheless
elsewhere
separately
additionally
notably
finally
other
no
monday
tuesday
wednesday
thursday
friday
saturday
sunday

# Words that stand for the subject named before ("it", "the company",
# "the automaker"): a figure whose clause subject is one of them belongs to
# the name that was last a clause subject in the document.
[stand_in]
it
company
firm
automaker
carmaker
maker
manufacturer
group
giant
rival
business
lender
retailer
insurer
operator
brand
behemoth
stock

# Legal forms dropped from the end of a subject ("Tesla Inc" → "Tesla").
[name_suffix]
inc
ltd
plc
corp
co
llc
limited
ag
sa
nv

# Verbs (besides -ed/-ing forms, level and change verbs) that show the word
# before them, starting a sentence, is a name: "BYD sold", "Tesla has".
[name_verb]
has
have
said
says
sold
sells
set
sets
made
makes
built
builds
paid
pays
won
wins
lost
loses
took
takes
gave
gives
spent
spends
held
holds
bought
buys
cut
cuts
hit
hits
posted
posts
reported
reports
announced
announces
delivered
delivers
plans
expects
employs
owns
runs
ran

# "31% of the total": the whole a share is taken of (tally-claims-context.c).
[whole]
total
whole
overall

# "The figure rose to 52,000": nouns that stand for what the sentence before
# measured.
[anaphor]
figure
number
total
tally
amount

# Verbs after which an ordinal is a rank ("ranked first", "came fifth").
[rank_verb]
ranked
ranks
rank
placed
places
finished
finishes
came
comes

# Words of a vote: the side voted for follows "to", "for" or "of" ("48% voted
# to remain", "12,004 votes for Stay", "96% in favour of Remain"); that side,
# when the text writes it as a name, is what the figure is about.
[vote_word]
vote
votes
voted
voting
ballot
ballots
favour
favor

# After a figure, the period it is compared with: "38% year over year",
# "35 per cent YoY", "up 11% (quarter-on-quarter)". One word, or a period
# word twice around "over"/"on" ("month on month"). The figure is a change,
# and these words are not what it measures.
[period_compare]
yoy
y/y
qoq
q/q
m/m
year-over-year
year-on-year
quarter-over-quarter
quarter-on-quarter
month-over-month
month-on-month
week-on-week
year
quarter
month
week

# Verbs whose object is a sum of money or a count that names no noun: the
# figure measures the verb's noun ("Lundmark spent £40m", "the bridge cost
# $90 million", "More than $2bn will be spent"). A noun phrase of its own
# ("spent $2bn on new ports", "the total cost is $9m") still comes first.
[measure_verb]
spend = spending
spends = spending
spent = spending
spending = spending
invest = investment
invests = investment
invested = investment
investing = investment
earn = earnings
earns = earnings
earned = earnings
earning = earnings
borrow = borrowing
borrows = borrowing
borrowed = borrowing
borrowing = borrowing
donate = donation
donates = donation
donated = donation
sell = sale
sells = sale
sold = sale
selling = sale
deliver = delivery
delivers = delivery
delivered = delivery
delivering = delivery
produce = production
produces = production
produced = production
producing = production

# The same for verbs whose subject is the thing measured ("the stadium cost
# $380 million" measures the stadium): the verb's noun only when the clause's
# subject gives none ("Qatar is reported to have cost …" gives "cost").
[measure_verb_last]
cost = cost
costs = cost
costing = cost

# Verbs of saying: their subject ("the minister said", "the agency reports
# that") and their object ("told Reuters") are a figure's source, never what
# the figure is about.
[speech_verb]
said
says
say
saying
told
tells
tell
added
adds
noted
notes
stated
states
explained
explains
claimed
claims
argued
argues
insisted
insists
denied
denies
warned
warns
wrote
writes
commented
remarked
confirmed
confirms
reported
reports
according

# Words for both countries: a figure whose clause names no one but one of
# these is about the pair of countries a claim was last about ("Bilateral
# trade reached …" after "China–Russia trade …").
[bilateral]
bilateral
two-way

# A Hunspell dictionary (Debian's hunspell-en-us, /usr/share/hunspell/en_US)
# asked whether a capitalised word that opens a sentence is a common word:
# "Heavy rain has …" names no one, "Brazil has …" does. Without the
# dictionary such words are taken as names, as before.
[names_dictionary]
en_US
