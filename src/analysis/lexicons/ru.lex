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

# Months are written in lower case ("4 марта 2024 года").
[conventions]
lowercase_months
inflected

# Month names with a day ("марта"), alone ("март") and abbreviated ("мар.")
# come from CLDR through ICU; [month] below adds what CLDR does not have.
[from_icu]
months

# The prepositional case ("в марте 2024 года"): CLDR has no such form.
[month]
январе = 1
феврале = 2
марте = 3
апреле = 4
мае = 5
июне = 6
июле = 7
августе = 8
сентябре = 9
октябре = 10
ноябре = 11
декабре = 12

# Number words as the press writes them in a sentence (cases included):
# "две тысячи", "свыше двух тысяч", "пять провинций".
[number]
один = 1
одна = 1
одно = 1
одного = 1
одной = 1
одному = 1
одном = 1
одну = 1
два = 2
две = 2
двух = 2
двум = 2
двумя = 2
три = 3
трёх = 3
трем = 3
тремя = 3
четыре = 4
четырёх = 4
четырем = 4
пять = 5
пяти = 5
шесть = 6
шести = 6
семь = 7
семи = 7
восемь = 8
восьми = 8
девять = 9
девяти = 9
десять = 10
десяти = 10
одиннадцать = 11
одиннадцати = 11
двенадцать = 12
двенадцати = 12
пятнадцать = 15
пятнадцати = 15
двадцать = 20
двадцати = 20
тридцать = 30
тридцати = 30
сорок = 40
сорока = 40
пятьдесят = 50
пятидесяти = 50
сто = 100
ста = 100
полтора = 1.5
полторы = 1.5

# Ordinals in the forms a noun phrase gives them: "второй саммит", "на
# третьем форуме", "во второй раз".
[ordinal]
первый = 1
первого = 1
первом = 1
первому = 1
первая = 1
первую = 1
первой = 1
первое = 1
второй = 2
второго = 2
втором = 2
второму = 2
вторая = 2
вторую = 2
второе = 2
третий = 3
третьего = 3
третьем = 3
третьему = 3
третья = 3
третью = 3
третьей = 3
третье = 3
четвёртый = 4
четвёртого = 4
четвёртом = 4
четвёртому = 4
четвёртая = 4
четвёртую = 4
четвёртой = 4
четвёртое = 4
пятый = 5
пятого = 5
пятом = 5
пятому = 5
пятая = 5
пятую = 5
пятой = 5
пятое = 5
шестой = 6
шестого = 6
шестом = 6
шестому = 6
шестая = 6
шестую = 6
шестое = 6
седьмой = 7
седьмого = 7
седьмом = 7
седьмому = 7
седьмая = 7
седьмую = 7
седьмое = 7
восьмой = 8
восьмого = 8
восьмом = 8
восьмому = 8
восьмая = 8
восьмую = 8
восьмое = 8
девятый = 9
девятого = 9
девятом = 9
девятому = 9
девятая = 9
девятую = 9
девятой = 9
девятое = 9
десятый = 10
десятого = 10
десятом = 10
десятому = 10
десятая = 10
десятую = 10
десятой = 10
десятое = 10

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
как минимум = at_least
по меньшей мере = at_least
минимум = at_least
максимум = at_most
не больше = at_most
не меньше = at_least
почти на = approx
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
от = from
до = to
с = since
чем = than
раза = times
раз = times
года = year_after
году = year_after
год = year_after
г = year_after
гг = year_after
между = between
или = or

# "примерно в 70 км", "почти на 15%": the qualifier before the preposition.
[qualifier_gap]
в
на

[duration]
секунда = second
секунды = second
секунд = second
минута = minute
минуты = minute
минут = minute
час = hour
часа = hour
часов = hour
сутки = day
суток = day
день = day
дня = day
дней = day
неделя = week
недели = week
недель = week
месяц = month
месяца = month
месяцев = month
год = year
года = year
году = year
лет = year
десятилетие = decade
десятилетия = decade
десятилетий = decade

[unit]
км = km
километр = km
километра = km
километров = km
километре = km
километрах = km
километрам = km
кв. км = km2
м = m
метр = m
метра = m
метров = m
метрах = m
т = t
тонна = t
тонны = t
тонн = t
кг = kg
га = ha
гектар = ha
гектаров = ha
мвт = MW
гвт = GW
баррель = bbl
баррелей = bbl

# A year after these is the period a figure refers to ("в 2023 году").
[scope_prep]
в
во
за
на

# Words that end a noun phrase.
[np_break]
в
во
на
с
со
к
ко
из
от
до
по
за
для
при
о
об
у
и
а
но
или
что
чем
как
который
которая
которое
которые
после
между
около
свыше
более
менее
почти

[abbreviation]
г
гг
тыс
млн
млрд
трлн
руб
долл
км
см
им
ул
т.е
т.к

# Lemmas from Debian's hunspell-ru; lemma endings tell verbs and adjectives
# (participles included) from nouns.
[dictionary]
ru_RU

[verb_lemma_ending]
ть
ться
ти
тись
чь
чься

# Past-tense endings of verb forms the dictionary does not know.
[verb_form_ending]
ла
ло
ли
лся
лась
лось
лись

[adjective_lemma_ending]
ый
ий
ой

# Verbs after which a figure is the level of their subject.
[level_verb]
составил
составила
составило
составили
составляет
составляют
достиг
достигла
достигло
достигли
достигает
превысил
превысила
превысило
превысили

# Relative dates: `phrase = unit offset`.
[relative_date]
в прошлом году = year -1
прошлом году = year -1
прошлого года = year -1
в этом году = year 0
этом году = year 0
этого года = year 0
в текущем году = year 0
текущем году = year 0
текущего года = year 0
в следующем году = year 1
следующем году = year 1
следующего года = year 1
годом ранее = year -1
вчера = day -1
сегодня = day 0
завтра = day 1

# Words that make a figure a change rather than a level ("вырос на 8,1%",
# "на 8,1% больше"). Nouns ("рост") are left out: "60% роста" is a share.
[change]
вырос
выросла
выросло
выросли
увеличился
увеличилась
увеличилось
увеличились
сократился
сократилась
сократилось
сократились
снизился
снизилась
снизилось
снизились
упал
упала
упало
упали
больше
меньше
выше
ниже

# Nouns that name a level or a mark, not what is measured: "достиг
# исторического максимума в 240 млрд", "превысил отметку в 200 млрд",
# "объём товарооборота". The measure is the noun they belong to: the
# subject of the verb, or the noun after them ("объём торговли"). Lemmas.
[filler]
отметка
максимум
минимум
рекорд
уровень
показатель
объём
объем
величина
значение

# Words for both countries: a figure whose clause names no one but one of
# these is about the pair of countries a claim was last about
# ("двусторонний товарооборот вырос на …"). As written, in their cases.
[bilateral]
двусторонний
двустороннего
двустороннему
двусторонним
двустороннем
двусторонняя
двусторонней
двустороннюю
двустороннее
двусторонние
двусторонних
двусторонними
взаимный
взаимного
взаимному
взаимным
взаимном
