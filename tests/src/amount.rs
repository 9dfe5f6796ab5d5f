//! Amounts as the UI shows them ("241.20 USD", "$1,204.50"), read back into numbers so the
//! journeys can compare them with the emulator's figures.

/// The first amount in a text such as "241.20 USD", "$1,204.50" or "€ 3,00".
pub fn parse_amount(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let negative = text[..start].trim_end().ends_with('-');
    let num: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let v: f64 = num.trim_end_matches('.').parse().ok()?;
    Some(if negative { -v } else { v })
}

/// Whether `text` shows an amount above zero.
pub fn is_positive_amount(text: &str) -> bool {
    parse_amount(text).is_some_and(|v| v > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse() {
        assert_eq!(parse_amount("241.20 USD"), Some(241.2));
        assert_eq!(parse_amount("$1,204.50"), Some(1204.5));
        assert_eq!(parse_amount("Balance: 0.00 EUR"), Some(0.0));
        assert_eq!(parse_amount("-3.10 USD"), Some(-3.1));
        assert_eq!(parse_amount("…"), None);
        assert!(is_positive_amount("100.00 USD"));
        assert!(!is_positive_amount("0.00 USD"));
        assert!(!is_positive_amount("loading"));
    }
}
