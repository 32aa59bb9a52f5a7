"""Template registry. A template is a function f(c) -> document (or, for
kind "mail", -> (subject, body, sender-role)); c is a ctx.Ctx."""

REG = []


class Tpl:
    def __init__(self, id, lang, kind, label, f, flags=(), note=""):
        self.id = id
        self.lang = lang
        self.kind = kind      # text, sheet, slides, mail
        self.label = label    # sensitive, clean
        self.f = f
        self.flags = set(flags)
        self.note = note


def tpl(id, lang, kind, label, flags=(), note=""):
    def deco(f):
        REG.append(Tpl(id, lang, kind, label, f, flags, note))
        return f
    return deco
