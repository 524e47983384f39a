// VNI (the 'VNI-Times', 'VNI-Helve' … fonts): each character as the font draws it. A letter
// with a modifier is written as two characters, the base letter then a modifier character
// ('Vieät' = Việt: 'e' + 'ä' = circumflex and dot below); 'ơ', 'ư', 'đ', the toned 'i' and 'ỵ'
// are single characters. Values are Unicode with combining marks (U+0300 grave, U+0301 acute,
// U+0302 circumflex, U+0303 tilde, U+0306 breve, U+0309 hook above, U+0323 dot below): after
// NFC they compose with the letter before them, also across runs. Characters not listed keep
// their meaning (ASCII). Upper-case modifiers are the upper-case Latin-1 letters of the same
// shape.
export const VNI_CHARS: Readonly<Record<string, string>> = {
  // single letters
  'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư', 'ñ': 'đ', 'Ñ': 'Đ',
  'í': 'í', 'Í': 'Í', 'ì': 'ì', 'Ì': 'Ì', 'æ': 'ỉ', 'Æ': 'Ỉ', 'ó': 'ĩ', 'Ó': 'Ĩ', 'ò': 'ị', 'Ò': 'Ị',
  'î': 'ỵ', 'Î': 'Ỵ',
  // tones
  'ù': '\u0301', 'Ù': '\u0301', 'ø': '\u0300', 'Ø': '\u0300', 'û': '\u0309', 'Û': '\u0309',
  'õ': '\u0303', 'Õ': '\u0303', 'ï': '\u0323', 'Ï': '\u0323',
  // circumflex (â, ê, ô), alone and with a tone
  'â': '\u0302', 'Â': '\u0302',
  'á': '\u0302\u0301', 'Á': '\u0302\u0301', 'à': '\u0302\u0300', 'À': '\u0302\u0300',
  'å': '\u0302\u0309', 'Å': '\u0302\u0309', 'ã': '\u0302\u0303', 'Ã': '\u0302\u0303',
  'ä': '\u0302\u0323', 'Ä': '\u0302\u0323',
  // breve (ă), alone and with a tone
  'ê': '\u0306', 'Ê': '\u0306',
  'é': '\u0306\u0301', 'É': '\u0306\u0301', 'è': '\u0306\u0300', 'È': '\u0306\u0300',
  'ú': '\u0306\u0309', 'Ú': '\u0306\u0309', 'ü': '\u0306\u0303', 'Ü': '\u0306\u0303',
  'ë': '\u0306\u0323', 'Ë': '\u0306\u0323',
};
