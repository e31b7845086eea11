"""The words that make a header a secret (issue 22): a termbase, by language, reviewed like one.

A header names a secret when, folded (`headers.secret_key`: case, accents, digits written as letters, symbols
between letters), it holds one of these. Three kinds of entry, each a tuple of phrases per language:

- `WORDS`: whole words or word sequences ("pass word", "kata sandi"): "pin" in "PIN code", never in "Pinned";
- `PARTS`: found anywhere in the header's letters, for compounds and scripts without spaces ("adgangskode" in
  "Adgangskoder", "密碼" in "臨時密碼", "passw" in "Passwort", "Pa$$w0rd");
- `OPENERS` (code, key): a secret unless a `QUALIFIERS` word says what else it is ("Postal code", "Code
  postal", "Country code", "Key account"): a column called "Code" alone is dropped. A false alarm drops one of
  the admin's columns and says so (they can rename it); a miss would keep a password.

Languages: en, fr, zh-TW, zh-CN, es, pt, it, de, nl, da, sv, no, fi, pl, cs, sk, tr, ro, hu, id/ms, vi, ja, ko, ru,
uk, ar, he, el. A test checks every language has entries and reads one header of each.
"""

from __future__ import annotations

__all__ = ["OPENER_PARTS", "OPENERS", "PARTS", "QUALIFIER_PARTS", "QUALIFIERS", "WORDS"]

# fmt: off
WORDS: dict[str, tuple[str, ...]] = {
    "en": ("password", "passwd", "pwd", "pw", "pass", "pass word", "passcode", "passphrase", "credential",
           "credentials", "creds", "login details", "sign in details", "sign in info", "logon details", "pin",
           "otp", "totp", "token", "secret", "secrets", "mfa", "2fa"),
    "fr": ("mot de passe", "mdp", "identifiants", "identifiants de connexion", "informations de connexion",
           "jeton", "nip", "secret", "code secret", "code confidentiel"),
    "es": ("contrasena", "clave", "credenciales", "palabra de paso", "secreto", "pin"),
    "pt": ("senha", "palavra passe", "credenciais", "segredo"),
    "it": ("parola d ordine", "credenziali", "segreto"),
    "de": ("kennwort", "zugangsdaten", "anmeldedaten", "geheimnis", "geheimzahl", "geheim"),
    "nl": ("wachtwoord", "inloggegevens", "geheim", "pincode"),
    "da": ("adgangskode", "kodeord", "loginoplysninger", "hemmelig", "pinkode"),
    "sv": ("losenord", "inloggningsuppgifter", "hemlig", "pinkod", "engangskod"),
    "no": ("passord", "paloggingsinformasjon", "hemmelig", "pinkode", "tilgangskode"),
    "fi": ("salasana", "tunnussana", "tunnistetiedot", "kirjautumistiedot", "salainen", "tunnusluku"),
    "pl": ("haslo", "dane logowania", "poswiadczenia", "tajny", "sekret"),
    "cs": ("heslo", "prihlasovaci udaje", "povereni", "tajny"),
    "sk": ("heslo", "prihlasovacie udaje", "tajny"),
    "tr": ("sifre", "parola", "kimlik bilgileri", "gizli"),
    "ro": ("parola", "credentiale", "secret"),
    "hu": ("jelszo", "hitelesito adatok", "belepesi adatok", "titkos", "titok"),
    "id": ("kata sandi", "sandi", "kata laluan", "kata kunci", "kredensial", "rahasia", "rahsia"),
    "vi": ("mat khau", "thong tin dang nhap", "bi mat"),
    "ru": ("пароль", "учетные данные", "токен", "секрет", "пин"),
    "uk": ("пароль", "облiковi данi", "облікові дані", "токен", "секрет", "таємний"),
    "ar": ("كلمة المرور", "كلمة السر", "بيانات الاعتماد", "سري", "الرقم السري"),
    "he": ("סיסמה", "סיסמא", "הסיסמה", "אישורים", "סוד", "סודי"),
    "el": ("συνθηματικο", "διαπιστευτηρια", "μυστικο"),
}
PARTS: dict[str, tuple[str, ...]] = {
    "en": ("passw", "pwd", "passcode", "passphrase", "credential", "onetimecode", "onetimepin"),
    "fr": ("motdepasse", "codesecret", "codeconfidentiel", "identifiantsdeconnexion"),
    "zh-TW": ("密碼", "口令", "暗碼", "驗證碼", "憑證", "憑據", "金鑰", "密鑰", "權杖", "通行碼", "安全碼", "存取碼"),
    "zh-CN": ("密码", "验证码", "凭证", "凭据", "密钥", "令牌", "安全码", "访问码"),
    "es": ("contrasena",),
    "pt": ("palavrapasse",),
    "de": ("kennwort", "zugangscode", "zugangsdaten", "anmeldedaten", "sicherheitscode", "einmalcode",
           "zugangsschlussel", "geheimzahl"),
    "nl": ("wachtwoord", "toegangscode", "inloggegevens", "pincode"),
    "da": ("adgangskode", "kodeord", "pinkode"),
    "sv": ("losenord", "atkomstkod", "engangskod", "pinkod"),
    "no": ("passord", "tilgangskode"),
    "fi": ("salasana", "tunnussana", "paasykoodi"),
    "pl": ("haslo",),
    "tr": ("sifre", "erisimkodu"),
    "ro": ("parola",),
    "hu": ("jelszo",),
    "id": ("katasandi", "katalaluan"),
    "vi": ("matkhau",),
    "ja": ("パスワード", "暗証番号", "暗号", "認証情報", "資格情報", "トークン", "秘密", "パスコード", "ワンタイム"),
    "ko": ("비밀번호", "암호", "패스워드", "인증정보", "자격증명", "토큰", "비밀", "핀번호"),
    "ru": ("пароль", "пинкод", "учетныеданные"),
    "uk": ("пароль", "обліковідані"),
    "ar": ("كلمةالمرور", "كلمةالسر"),
    "he": ("סיסמ",),
    "el": ("συνθηματικ",),
}
# Words for something that opens (a code, a key): a secret unless qualified ("Postal code").
OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("code", "codes", "key", "keys"),
    "fr": ("code", "cle", "clef"),
    "es": ("codigo", "llave"),
    "pt": ("codigo", "chave"),
    "it": ("codice", "chiave"),
    "de": ("code", "schlussel"),
    "nl": ("code", "sleutel"),
    "da": ("kode", "nogle"),
    "sv": ("kod", "nyckel"),
    "no": ("kode", "nokkel"),
    "fi": ("koodi", "avain"),
    "pl": ("kod", "klucz"),
    "cs": ("kod", "klic"),
    "sk": ("kod", "kluc"),
    "tr": ("kod", "kodu", "anahtar", "anahtari"),
    "ro": ("cod", "codul", "cheie", "cheia"),
    "hu": ("kod", "kulcs"),
    "id": ("kode", "kod", "kunci"),
    "vi": ("ma", "khoa"),
    "ko": ("코드", "키"),
    "ru": ("код", "ключ"),
    "uk": ("код", "ключ"),
    "ar": ("رمز", "الرمز", "مفتاح"),
    "he": ("קוד", "מפתח"),
    "el": ("κωδικοσ", "κλειδι"),
}
OPENER_PARTS: dict[str, tuple[str, ...]] = {
    "zh-TW": ("代碼", "代號", "鑰匙"),
    "zh-CN": ("代码", "钥匙"),
    "ja": ("コード", "キー", "鍵"),
}
# What else a code or a key is: not a secret ("Postal code", "Code postal", "Country code", "Key account").
QUALIFIERS: dict[str, tuple[str, ...]] = {
    "en": ("postal", "zip", "post", "country", "area", "region", "language", "currency", "department", "dept",
           "cost", "center", "centre", "project", "product", "tax", "iso", "dial", "phone", "office", "site",
           "branch", "company", "employee", "staff", "job", "team", "bar", "color", "colour", "status",
           "reason", "error", "account", "contact", "user", "person", "people", "role", "date", "dates",
           "skill", "skills", "partner", "customer", "client", "metric", "milestone", "board", "location",
           "state", "city", "sort", "airport", "naics", "sic"),
    "fr": ("postal", "pays", "langue", "devise", "departement", "service", "projet", "produit", "telephone",
           "agence", "societe", "entreprise", "employe", "personnel", "matricule", "poste", "equipe", "naf",
           "ape", "insee", "commune", "compte", "comptes", "mot", "client", "region", "ville", "barre"),
    "es": ("postal", "pais", "idioma", "moneda", "departamento", "proyecto", "producto", "empleado",
           "palabra", "area", "region"),
    "pt": ("postal", "pais", "idioma", "moeda", "departamento", "projeto", "produto", "funcionario"),
    "it": ("postale", "fiscale", "paese", "lingua", "valuta", "reparto", "progetto", "prodotto",
           "dipendente", "avviamento"),
    "de": ("post", "land", "sprache", "wahrung", "abteilung", "projekt", "produkt", "mitarbeiter"),
    "nl": ("land", "taal", "afdeling", "project", "product", "medewerker"),
    "da": ("post", "land", "afdeling"),
    "sv": ("post", "land", "avdelning"),
    "no": ("post", "land", "avdeling"),
    "fi": ("posti", "maa", "osasto"),
    "pl": ("pocztowy", "kraju", "dzialu"),
    "cs": ("postovni", "zeme", "oddeleni"),
    "sk": ("postovy", "krajiny", "oddelenia"),
    "tr": ("posta", "ulke", "departman"),
    "ro": ("postal", "tara", "departament"),
    "hu": ("posta", "orszag", "osztaly"),
    "id": ("pos", "negara", "departemen"),
    "vi": ("buu chinh", "buu dien", "quoc gia", "nhan vien", "phong ban", "vung"),
    "ru": ("почтовый", "страны", "отдела"),
    "uk": ("поштовий", "країни", "відділу"),
    "ar": ("البريدي", "الدولة", "القسم"),
    "he": ("מיקוד", "מדינה", "מחלקה"),
    "el": ("ταχυδρομικοσ", "χωρασ", "τμηματοσ"),
}
QUALIFIER_PARTS: dict[str, tuple[str, ...]] = {
    "zh-TW": ("郵遞", "國家", "國碼", "部門", "員工", "產品", "專案", "區域"),
    "zh-CN": ("邮政", "国家", "部门", "员工", "产品", "项目"),
    "ja": ("郵便", "国", "部門", "社員", "従業員", "製品", "ボード"),
    "ko": ("우편", "국가", "부서", "직원"),
}
# fmt: on
