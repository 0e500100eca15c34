"""Phone numbers as written for people, turned into something a phone can dial."""


def tel(phone: str) -> str:
    """A dialable tel: target from a number written for people, e.g. 1-800-THE-LOST."""
    letters = {
        c: str(2 + "ABCDEFGHIJKLMNOPQRSTUVWXYZ".index(c) // 3 - (c in "SVYZ"))
        for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    }
    # "1-800-CALL-FBI (1-800-225-5324)": dial the first number written.
    first = phone.split("(")[0] or phone
    digits = "".join(letters.get(c.upper(), c) for c in first if c.isalnum())
    if len(digits) == 10:  # a U.S. number written without the country code
        return "+1" + digits
    return "+" + digits if len(digits) == 11 else digits
