fn main() {
    for t in ["unqualified_absences = \"x\"", "[points]\nattend = 2\nlat = 3\n", "credits_per_year = 30\n\nfoo = 1"] {
        println!("{:?}", peixun::policy_file::parse(t, "p.toml").map(|_| ()).map_err(|e| e.to_string()));
    }
    println!("{}", peixun::policy_file::to_toml(&peixun::core::Policy::default()));
}
