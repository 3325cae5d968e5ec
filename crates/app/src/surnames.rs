//! How a surname is read. Many common surnames are written with a
//! character whose usual reading is another one (单 is dān as a word, shàn
//! as a surname); a lookup takes a name's first character by its surname
//! reading, and its other readings count only as rare ones.

/// The readings (plain pinyin, ü as `ü`) of a name's first characters when
/// they are a surname with a reading of its own: a compound surname (two
/// readings) or a polyphonic single one (one reading). `None` for the
/// characters read as usual.
pub fn readings(name: &str) -> [Option<&'static str>; 2] {
    let mut chars = name.chars();
    let (Some(a), b) = (chars.next(), chars.next()) else {
        return [None, None];
    };
    if let Some(b) = b
        && let Some([x, y]) = compound(a, b)
    {
        return [Some(x), Some(y)];
    }
    [single(a), None]
}

/// The compound surnames whose characters are not read as usual.
fn compound(a: char, b: char) -> Option<[&'static str; 2]> {
    Some(match (a, b) {
        ('尉', '迟') => ["yu", "chi"],
        ('万', '俟') => ["mo", "qi"],
        ('单', '于') => ["chan", "yu"],
        ('长', '孙') => ["zhang", "sun"],
        ('乐', '正') => ["yue", "zheng"],
        ('澹', '台') => ["tan", "tai"],
        ('令', '狐') => ["ling", "hu"],
        ('夹', '谷') => ["jia", "gu"],
        ('亓', '官') => ["qi", "guan"],
        ('闾', '丘') => ["lü", "qiu"],
        ('谷', '梁') => ["gu", "liang"],
        ('宰', '父') => ["zai", "fu"],
        ('皇', '甫') => ["huang", "fu"],
        ('诸', '葛') => ["zhu", "ge"],
        ('上', '官') => ["shang", "guan"],
        ('夏', '侯') => ["xia", "hou"],
        ('仲', '长') => ["zhong", "chang"],
        ('钟', '离') => ["zhong", "li"],
        _ => return None,
    })
}

/// A polyphonic single-character surname's reading.
fn single(c: char) -> Option<&'static str> {
    Some(match c {
        '单' => "shan",
        '曾' => "zeng",
        '解' => "xie",
        '区' => "ou",
        '仇' => "qiu",
        '朴' => "piao",
        '查' => "zha",
        '盖' => "ge",
        '种' => "chong",
        '乐' => "yue",
        '缪' => "miao",
        '翟' => "zhai",
        '覃' => "qin",
        '召' => "shao",
        '折' => "she",
        '秘' => "bi",
        '贲' => "ben",
        '员' => "yun",
        '繁' => "po",
        '宓' => "fu",
        '句' => "gou",
        '牟' => "mou",
        '祭' => "zhai",
        '瞿' => "qu",
        '冼' | '洗' => "xian",
        '阚' => "kan",
        '隗' => "wei",
        '郇' => "huan",
        '蕃' => "pi",
        '能' => "nai",
        '尉' => "wei",
        '蔚' => "yu",
        '莘' => "shen",
        '逄' => "pang",
        '纪' => "ji",
        '车' => "che",
        '华' => "hua",
        '任' => "ren",
        '沈' => "shen",
        '石' => "shi",
        '陆' => "lu",
        '长' => "chang",
        '重' => "chong",
        '过' => "guo",
        '燕' => "yan",
        '都' => "du",
        '强' => "qiang",
        '薄' => "bo",
        '柏' => "bai",
        '朝' => "chao",
        '尹' => "yin",
        '应' => "ying",
        '相' => "xiang",
        '褚' => "chu",
        '宿' => "su",
        '行' => "xing",
        '景' => "jing",
        '率' => "shuai",
        '戚' => "qi",
        '那' => "na",
        '藏' => "zang",
        '粘' => "nian",
        '占' => "zhan",
        '曲' => "qu",
        '卜' => "bu",
        '叶' => "ye",
        '万' => "wan",
        '殷' => "yin",
        '眭' => "sui",
        '晟' => "cheng",
        '传' => "chuan",
        '奇' => "qi",
        '乜' => "nie",
        '郝' => "hao",
        '于' => "yu",
        _ => return None,
    })
}

/// A second surname reading, for the surnames read two ways by the
/// families who bear them: 覃 is Qín in some families and Tán in others
/// (issue 27: `tanying` finds 覃英 as well as `qinying` does).
pub fn also(c: char) -> Option<&'static str> {
    match c {
        '覃' => Some("tan"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lookup's loose test relies on this: a surname reading is always
    /// one of the character's readings in the pinyin data.
    #[test]
    fn every_surname_reading_is_a_reading_of_its_character() {
        use pinyin::ToPinyinMulti;
        let singles = "单曾解区仇朴查盖种乐缪翟覃召折秘贲员繁宓句牟祭瞿冼洗阚隗郇蕃能尉蔚\
                       莘逄纪车华任沈石陆长重过燕都强薄柏朝尹应相褚宿行景率戚那藏粘占曲卜叶\
                       万殷眭晟传奇乜郝于";
        let mut names: Vec<String> = singles.chars().map(|c| c.to_string()).collect();
        names.extend(
            [
                "尉迟", "万俟", "单于", "长孙", "乐正", "澹台", "令狐", "夹谷", "亓官", "闾丘",
                "谷梁", "宰父", "皇甫", "诸葛", "上官", "夏侯", "仲长", "钟离",
            ]
            .map(String::from),
        );
        for c in names.iter().filter_map(|n| n.chars().next()) {
            if let Some(r) = also(c) {
                let all = c.to_pinyin_multi().expect("pinyin");
                assert!(all.into_iter().any(|p| p.plain() == r), "{c}: {r}");
            }
        }
        for name in &names {
            let found = readings(name);
            assert!(found[0].is_some(), "{name} has no surname reading");
            for (c, r) in name.chars().zip(found) {
                let Some(r) = r else { continue };
                let all = c.to_pinyin_multi().expect("pinyin");
                assert!(
                    all.into_iter().any(|p| p.plain() == r),
                    "{name}: {r} is not a reading of {c}"
                );
            }
        }
    }

    #[test]
    fn surname_readings() {
        assert_eq!(readings("单明"), [Some("shan"), None]);
        assert_eq!(readings("单于明"), [Some("chan"), Some("yu")]);
        assert_eq!(readings("尉迟恭"), [Some("yu"), Some("chi")]);
        assert_eq!(readings("尉明"), [Some("wei"), None]);
        assert_eq!(readings("张三"), [None, None]);
        assert_eq!(readings(""), [None, None]);
    }
}
