//! `infobip-codegen stats`: what the model holds, per product.

use crate::ir::Api;

/// A table of operations, types and webhook events per product, with totals.
pub fn table(api: &Api) -> String {
    let mut out = format!("{:<26} {:>10} {:>6} {:>8} {:>6}\n", "product", "operations", "types", "webhooks", "pages");
    let (mut ops, mut types, mut hooks, mut pages) = (0, 0, 0, 0);
    for p in &api.products {
        let paging = p.operations.iter().filter(|o| o.paging.is_some()).count();
        out.push_str(&format!(
            "{:<26} {:>10} {:>6} {:>8} {:>6}\n",
            p.snake,
            p.operations.len(),
            p.types.len(),
            p.webhooks.len(),
            paging
        ));
        ops += p.operations.len();
        types += p.types.len();
        hooks += p.webhooks.len();
        pages += paging;
    }
    out.push_str(&format!("{:<26} {ops:>10} {types:>6} {hooks:>8} {pages:>6}", "total"));
    out
}
