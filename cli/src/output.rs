//! Printing: JSON for scripts, aligned tables for people.

use serde::Serialize;

use crate::exit::CliError;

/// Prints `value` as one line of JSON.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string(value).map_err(|e| CliError::Io(format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// Prints `value` as indented JSON.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::Io(format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// A table printed with aligned columns.
#[derive(Debug, Default)]
pub struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headers.
    pub fn new(headers: &[&'static str]) -> Self {
        Table { headers: headers.to_vec(), rows: Vec::new() }
    }

    /// Adds a row (missing cells are blank).
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as text, one line per row, without trailing spaces.
    pub fn render(&self) -> String {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(widths.len()) {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
        let line = |cells: Vec<&str>| {
            let padded: Vec<String> =
                cells.iter().zip(&widths).map(|(cell, width)| format!("{cell:<width$}")).collect();
            padded.join("  ").trim_end().to_owned()
        };
        let mut out = vec![line(self.headers.clone())];
        for row in &self.rows {
            let cells: Vec<&str> = (0..widths.len()).map(|i| row.get(i).map_or("", String::as_str)).collect();
            out.push(line(cells));
        }
        out.join("\n")
    }

    /// Prints the table, or `empty` when it has no rows.
    pub fn print(&self, empty: &str) {
        if self.rows.is_empty() {
            println!("{empty}");
        } else {
            println!("{}", self.render());
        }
    }
}

/// An optional value as a table cell (`-` when absent).
pub fn cell<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align() {
        let mut table = Table::new(&["A", "LONGER"]);
        table.row(vec!["xyz".into(), "1".into()]);
        assert_eq!(table.render(), "A    LONGER\nxyz  1");
    }
}
