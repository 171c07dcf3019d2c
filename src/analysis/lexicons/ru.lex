# SPDX-License-Identifier: GPL-3.0-or-later
# Tally claim lexicon: Russian.
#
# The same sections as en.lex (see there). Keys are lower case; "ё" is read
# as "е" and capitals fold, so "Млрд" finds "млрд". Word forms that the
# matcher must recognise are listed as the press writes them (cases of
# "доллар": "долларов", "доллара"); what a figure measures is reduced to its
# lemma by the [lemma] section and, failing that, by the Russian stemmer.

[number_format]
decimal_comma
space_groups

[scale]
тыс = 1e3
тыс. = 1e3
тысяча = 1e3
тысячи = 1e3
тысяч = 1e3
тысячу = 1e3
млн = 1e6
миллион = 1e6
миллиона = 1e6
миллионов = 1e6
млрд = 1e9
миллиард = 1e9
миллиарда = 1e9
миллиардов = 1e9
трлн = 1e12
триллион = 1e12
триллиона = 1e12
триллионов = 1e12

[currency]
$ = USD
€ = EUR
₽ = RUB
₸ = KZT
¥ = CNY
доллар = USD
доллара = USD
долларов = USD
долларам = USD
долл = USD
долл. = USD
евро = EUR
рубль = RUB
рубля = RUB
рублей = RUB
руб = RUB
юань = CNY
юаня = CNY
юаней = CNY
тенге = KZT
сум = UZS
сумов = UZS
сом = KGS
сомов = KGS
сомони = TJS
манат = TMT
манатов = TMT

[percent]
% = %
процент = %
процента = %
процентов = %
процентного пункта = pp
процентных пункта = pp
процентных пунктов = pp
п.п. = pp

[qualifier]
около = approx
примерно = approx
приблизительно = approx
почти = approx
порядка = approx
свыше = over
более = over
больше = over
более чем = over
превысил = over
превысила = over
превысило = over
превысили = over
превышает = over
менее = under
меньше = under
не менее = at_least
не более = at_most
до = at_most

[role]
и = and
в = in
во = in
на = on
из = from
с = since
чем = than
раза = times
раз = times
