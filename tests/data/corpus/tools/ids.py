"""Fictitious identifiers with valid check digits (Dutch BSN, Belgian
national register / BIS numbers, IBANs, Belgian enterprise numbers,
structured communications) and plausible provider codes (AGB, BIG, RIZIV).

Everything here is drawn from a seeded random.Random; none of the numbers
belongs to a real person or organisation as far as we know."""

import datetime


def elfproef_ok(digits):
    """Dutch 11-test (BSN variant): 9*d1+...+2*d8-1*d9 = 0 mod 11."""
    d = [int(c) for c in digits]
    if len(d) != 9 or not any(d):
        return False
    s = sum((9 - i) * d[i] for i in range(8)) - d[8]
    return s % 11 == 0


def bsn(rng, first=None):
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        d[0] = first if first is not None else rng.choice([0, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7])
        s = sum((9 - i) * d[i] for i in range(8))
        d9 = s % 11
        if d9 == 10:
            continue
        num = "".join(map(str, d)) + str(d9)
        if elfproef_ok(num) and num != "000000000":
            return num


def fmt_bsn(num, style):
    if style == "plain":
        return num
    if style == "dots4":
        return "%s.%s.%s" % (num[:4], num[4:6], num[6:])
    if style == "spaces":
        return "%s %s %s" % (num[:3], num[3:6], num[6:])
    if style == "dots3":
        return "%s.%s.%s" % (num[:3], num[3:6], num[6:])
    raise ValueError(style)


def nrn_check(yymmddsss, year):
    n = int(yymmddsss)
    if year >= 2000:
        n = int("2" + yymmddsss)
    return 97 - (n % 97)


def nrn_ok(eleven):
    """True if 11 digits are a valid Belgian national register or BIS number
    for a birth either before or from 2000."""
    if len(eleven) != 11 or not eleven.isdigit():
        return False
    body, cc = eleven[:9], int(eleven[9:])
    return cc == 97 - int(body) % 97 or cc == 97 - int("2" + body) % 97


def nrn(rng, dob, sex, bis=None):
    """dob: datetime.date; sex 'm'/'f'; bis: None, 20 or 40 (month offset)."""
    while True:
        seq = rng.randint(1, 998)
        if sex == "m" and seq % 2 == 0:
            seq += 1
        if sex == "f" and seq % 2 == 1:
            seq += 1
        if seq in (0, 999):
            continue
        mm = dob.month + (bis or 0)
        body = "%02d%02d%02d%03d" % (dob.year % 100, mm, dob.day, seq)
        cc = nrn_check(body, dob.year)
        return body + "%02d" % cc


def fmt_nrn(num, style):
    if style == "plain":
        return num
    if style == "official":  # YY.MM.DD-SSS.CC
        return "%s.%s.%s-%s.%s" % (num[:2], num[2:4], num[4:6], num[6:9], num[9:])
    if style == "spaces":
        return "%s %s %s" % (num[:6], num[6:9], num[9:])
    if style == "dash":
        return "%s-%s-%s" % (num[:6], num[6:9], num[9:])
    raise ValueError(style)


def _iban_check(country, bban):
    s = bban + country + "00"
    digits = "".join(str(int(c, 36)) for c in s)
    return 98 - int(digits) % 97


def iban_nl(rng, bank=None):
    bank = bank or rng.choice(["INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB", "KNAB"])
    acct = "".join(str(rng.randint(0, 9)) for _ in range(10))
    bban = bank + acct
    cc = _iban_check("NL", bban)
    return "NL%02d%s" % (cc, bban)


def iban_be(rng):
    first10 = "".join(str(rng.randint(0, 9)) for _ in range(10))
    chk = int(first10) % 97 or 97
    bban = first10 + "%02d" % chk
    cc = _iban_check("BE", bban)
    return "BE%02d%s" % (cc, bban)


def iban_ok(iban):
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def fmt_iban(iban):
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def kbo(rng):
    """Belgian enterprise number 0xxx.xxx.xxx (mod 97 check)."""
    first8 = "0" + "".join(str(rng.randint(0, 9)) for _ in range(7))
    first8 = first8[:1] + str(rng.randint(2, 8)) + first8[2:]
    chk = 97 - int(first8) % 97
    num = first8 + "%02d" % chk
    return "%s.%s.%s" % (num[:4], num[4:7], num[7:])


def ogm(rng):
    """Belgian structured communication +++xxx/xxxx/xxxxx+++."""
    first10 = "".join(str(rng.randint(0, 9)) for _ in range(10))
    chk = int(first10) % 97 or 97
    n = first10 + "%02d" % chk
    return "+++%s/%s/%s+++" % (n[:3], n[3:7], n[7:])


def agb(rng, kind="01"):
    return kind + "".join(str(rng.randint(0, 9)) for _ in range(6))


def big(rng):
    return "".join(str(rng.randint(1 if i == 0 else 0, 9)) for i in range(11))


def riziv(rng, qual=None):
    base = "1" + "".join(str(rng.randint(0, 9)) for _ in range(5))
    chk = "%02d" % rng.randint(0, 99)
    qual = qual or rng.choice(["003", "004", "580", "590", "000", "310", "820"])
    return "%s-%s-%s-%s" % (base[0], base[1:], chk, qual)


def kvk(rng):
    return "".join(str(rng.randint(0, 9)) for _ in range(8))


def dob(rng, lo=1925, hi=1960):
    y = rng.randint(lo, hi)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return datetime.date(y, m, d)
