"""Common English words and well-known person names that must never be read as places."""

from __future__ import annotations

ENGLISH = frozenset(
    """
a about above across after again against all almost alone along already also although always am among an
and another any anyone anything are area areas around as ask asked at away back be became because become
becomes been before began behind being believe below best better between beyond big both bring brought but
by call called came can cannot case cause certain change children city clear close come comes coming could
country course cut day days did different do does doing done down during each early east either else end
enough even ever every eye face fact far feel felt few field find first five follow following for force
forces found four free from front full further gave get give given go going gone good got great group had
half hand has have having he head heard help her here high him his hold home hope house how however i if
important in including into is it its itself just keep kind knew know known land large last later lead
least leave left less let life light like line little live long look made make man many may me mean men
might more most move much must my name near need never new next night no none nor north not nothing now
number of off often old on once one only open or order other our out over own part people per place point
power pro put rather real really right road round run said same saw say says second see seem seen set
several shall she should show side since small so some something soon south state states still such sure
take taken than that the their them then there these they thing think this those though thought three
through thus time to today together told too took toward towards town two under until up upon us use used
very want war was water way we week well went were west what when where whether which while white who
whole whose why will with within without word work world would year years yet you your
pro anti pre post inter mid non via per vs
news daily weekly update live watch video photo report breaking exclusive analysis opinion
become member members subscribe donate share comment reply retweet like follow
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
""".split()
)

PEOPLE = frozenset(
    """
putin assad bashar erdogan trump obama biden netanyahu khamenei rouhani raisi lavrov shoigu konashenkov
zakharova pompeo tillerson mattis esper jeffrey macron merkel baghdadi jolani julani golani nasrallah
soleimani suleimani mazloum kobani abdi bogdanov shulgin barazi mikdad muallem jaafari lavrentiev
abu umm ibn bin bint sheikh imam haji hajji mohammed muhammad ahmed ahmad ali hassan hussein omar umar
khalid khaled mahmoud mustafa ibrahim yusuf youssef abdullah abdul abdel rami rahman
""".split()
)
