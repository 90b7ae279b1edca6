//! Prints what a dictionary suggests for words: `suggest DICTIONARY WORD…`.
fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().expect("a dictionary name, e.g. en_GB");
    let dir = std::path::Path::new("/usr/share/hunspell");
    let aff = std::fs::read_to_string(dir.join(format!("{name}.aff"))).expect("aff");
    let dic = std::fs::read_to_string(dir.join(format!("{name}.dic"))).expect("dic");
    let dictionary = spellbook::Dictionary::new(&aff, &dic).expect("parses");
    for word in args {
        let mut out = Vec::new();
        dictionary.suggest(&word, &mut out);
        println!("{word}: {} {out:?}", dictionary.check(&word));
    }
}
