"""The members of each class: INCI names as printed, their synonyms and the Korean standard
(KCIA, 대한화장품협회 성분사전) names, as data.

``role``: ``active`` counts for every rule of the class; ``source`` too, but a percentage
printed with it is the amount of the plant water or extract, not of the acid (willow bark
water 67 % is not 67 % salicylic acid), so its strength is known only from ``--percent``; ``adjuster`` is an ingredient that is
most often a small helper (citric acid as a pH adjuster, gluconolactone as a preservative
booster, polyethylene as a thickener) and counts as an active only when a strength is given
(``--percent``); ``prescription`` is a prescription retinoid (B12).
``key`` is the short name ``--percent`` accepts (``--percent glycolic=30``).
"""

from __future__ import annotations

from milia_cli.records import NamedTuple


class Member(NamedTuple):
    inci: str  # the INCI name as labels print it
    cls: str  # class id (milia_cli.ingredients.classes)
    synonyms: tuple[str, ...] = ()  # other names, trade and Korean (KCIA) names
    role: str = "active"  # active | source | adjuster | prescription
    key: str = ""  # the --percent name


M = Member
_RETINOIDS = (
    M("Retinol", "retinoid", ("vitamin a", "레티놀", "비타민a"), key="retinol"),
    M("Retinal", "retinoid", ("retinaldehyde", "레티날", "레틴알데하이드", "레티날데하이드"), key="retinal"),
    M("Retinyl Palmitate", "retinoid", ("vitamin a palmitate", "레티닐팔미테이트"), key="retinyl-palmitate"),
    M("Retinyl Acetate", "retinoid", ("vitamin a acetate", "레티닐아세테이트"), key="retinyl-acetate"),
    M("Retinyl Propionate", "retinoid", ("레티닐프로피오네이트",), key="retinyl-propionate"),
    M("Retinyl Linoleate", "retinoid", ("레티닐리놀리에이트",), key="retinyl-linoleate"),
    M("Retinyl Retinoate", "retinoid", ("레티닐레티노에이트",), key="retinyl-retinoate"),
    M("Hydroxypinacolone Retinoate", "retinoid", ("granactive retinoid", "hpr", "하이드록시피나콜론레티노에이트"),
      key="hpr"),
    M("Tretinoin", "retinoid", ("retinoic acid", "all-trans retinoic acid", "트레티노인", "레티노익애씨드", "레티노산"),
      role="prescription", key="tretinoin"),
    M("Isotretinoin", "retinoid", ("13-cis retinoic acid", "아이소트레티노인", "이소트레티노인"),
      role="prescription", key="isotretinoin"),
    M("Adapalene", "retinoid", ("아다팔렌", "아데팔렌"), role="prescription", key="adapalene"),
    M("Tazarotene", "retinoid", ("타자로텐",), role="prescription", key="tazarotene"),
    M("Trifarotene", "retinoid", ("트리파로텐", "트라이파로텐"), role="prescription", key="trifarotene"),
)
_AHAS = (
    M("Glycolic Acid", "aha", ("hydroxyacetic acid", "글라이콜릭애씨드", "글리콜릭애씨드", "글리콜산"), key="glycolic"),
    M("Sodium Glycolate", "aha", ("소듐글라이콜레이트",), key="glycolic"),
    M("Ammonium Glycolate", "aha", ("암모늄글라이콜레이트",), key="glycolic"),
    M("Lactic Acid", "aha", ("락틱애씨드", "젖산"), key="lactic"),
    M("Ammonium Lactate", "aha", ("암모늄락테이트",), key="lactic"),
    M("Sodium Lactate", "aha", ("소듐락테이트",), role="adjuster", key="sodium-lactate"),
    M("Mandelic Acid", "aha", ("만델릭애씨드", "만델산"), key="mandelic"),
    M("Citric Acid", "aha", ("시트릭애씨드", "구연산"), role="adjuster", key="citric"),
    M("Malic Acid", "aha", ("말릭애씨드", "사과산"), role="adjuster", key="malic"),
    M("Tartaric Acid", "aha", ("타타릭애씨드", "주석산"), role="adjuster", key="tartaric"),
)
_BHAS = (
    M("Salicylic Acid", "bha", ("beta hydroxy acid", "살리실릭애씨드", "살리실산"), key="salicylic"),
    M("Sodium Salicylate", "bha", ("소듐살리실레이트",), key="salicylic"),
    M("Potassium Salicylate", "bha", ("포타슘살리실레이트",), key="salicylic"),
    M("Calcium Salicylate", "bha", ("칼슘살리실레이트",), key="salicylic"),
    M("Magnesium Salicylate", "bha", ("마그네슘살리실레이트",), key="salicylic"),
    M("Betaine Salicylate", "bha", ("베타인살리실레이트",), key="salicylic"),
    M("Capryloyl Salicylic Acid", "bha", ("lha", "카프릴로일살리실릭애씨드"), key="salicylic"),
    M("Tridecyl Salicylate", "bha", ("트라이데실살리실레이트",), key="salicylic"),
    M("Salix Alba Bark Extract", "bha",
      ("salix alba (willow) bark extract", "willow bark extract", "white willow bark extract",
       "흰버드나무껍질추출물", "버드나무껍질추출물", "살릭스알바껍질추출물"), role="source", key="willow-bark"),
    M("Salix Alba Bark Water", "bha",
      ("salix alba (willow) bark water", "willow bark water", "살릭스알바껍질수", "버드나무껍질수"),
      role="source", key="willow-bark"),
    M("Salix Nigra Bark Extract", "bha", ("black willow bark extract", "블랙윌로우껍질추출물"),
      role="source", key="willow-bark"),
)
_PHAS = (
    M("Gluconolactone", "pha", ("glucono delta lactone", "글루코노락톤"), role="adjuster", key="gluconolactone"),
    M("Lactobionic Acid", "pha", ("락토바이오닉애씨드",), key="lactobionic"),
    M("Maltobionic Acid", "pha", ("말토바이오닉애씨드",), key="maltobionic"),
)
_OTHER_ACTIVES = (
    M("Benzoyl Peroxide", "benzoyl-peroxide", ("dibenzoyl peroxide", "벤조일퍼옥사이드", "과산화벤조일"), key="benzoyl"),
    M("Azelaic Acid", "azelaic-acid", ("아젤라익애씨드", "아젤라산"), key="azelaic"),
    M("Potassium Azeloyl Diglycinate", "azelaic-acid", ("포타슘아젤로일다이글리시네이트",), key="azelaic"),
    M("Hydroquinone", "hydroquinone", ("1,4-dihydroxybenzene", "하이드로퀴논"), key="hydroquinone"),
)
_OCCLUSIVES = (
    M("Petrolatum", "occlusive", ("white petrolatum", "petroleum jelly", "vaseline", "paraffinum molle",
                                  "페트롤라툼", "바셀린")),
    M("Mineral Oil", "occlusive", ("paraffinum liquidum", "liquid paraffin", "paraffin oil", "미네랄오일",
                                   "유동파라핀")),
    M("Paraffin", "occlusive", ("파라핀",)),
    M("Microcrystalline Wax", "occlusive", ("cera microcristallina", "마이크로크리스탈린왁스")),
    M("Ozokerite", "occlusive", ("오조케라이트",)),
    M("Lanolin", "occlusive", ("adeps lanae", "라놀린")),
    M("Lanolin Alcohol", "occlusive", ("라놀린알코올",)),
    M("Lanolin Oil", "occlusive", ("라놀린오일",)),
    M("Butyrospermum Parkii Butter", "occlusive",
      ("shea butter", "butyrospermum parkii (shea) butter", "butyrospermum parkii (shea butter)",
       "vitellaria paradoxa butter", "시어버터", "부티로스퍼멈파키이버터", "부티로스퍼뭄파키이버터")),
    M("Theobroma Cacao Seed Butter", "occlusive",
      ("cocoa butter", "theobroma cacao (cocoa) seed butter", "cocoa seed butter", "카카오씨드버터",
       "코코아씨드버터", "코코아버터", "테오브로마카카오씨드버터")),
    M("Cocos Nucifera Oil", "occlusive",
      ("coconut oil", "cocos nucifera (coconut) oil", "코코넛오일", "코코스누시페라오일")),
    M("Isopropyl Myristate", "occlusive", ("아이소프로필미리스테이트", "이소프로필미리스테이트")),
    M("Isopropyl Palmitate", "occlusive", ("아이소프로필팔미테이트", "이소프로필팔미테이트")),
    M("Isopropyl Isostearate", "occlusive", ("아이소프로필아이소스테아레이트",)),
    M("Ethylhexyl Palmitate", "occlusive", ("octyl palmitate", "에틸헥실팔미테이트")),
    M("Myristyl Myristate", "occlusive", ("미리스틸미리스테이트",)),
    M("Cera Alba", "occlusive", ("beeswax", "cera flava", "비즈왁스", "밀납")),
    M("Ricinus Communis Seed Oil", "occlusive", ("castor oil", "피마자씨오일", "피마자유")),
)
_SILICONES = (
    M("Dimethicone", "heavy-silicone", ("다이메티콘", "디메치콘")),
    M("Dimethicone Crosspolymer", "heavy-silicone", ("다이메티콘크로스폴리머",)),
    M("Dimethicone/Vinyl Dimethicone Crosspolymer", "heavy-silicone", ("다이메티콘/비닐다이메티콘크로스폴리머",)),
    M("Cyclopentasiloxane", "heavy-silicone", ("사이클로펜타실록세인", "사이클로펜타실록산")),
    M("Cyclohexasiloxane", "heavy-silicone", ("사이클로헥사실록세인",)),
    M("Cyclomethicone", "heavy-silicone", ("사이클로메티콘",)),
    M("Trimethylsiloxysilicate", "heavy-silicone", ("트라이메틸실록시실리케이트",)),
    M("Phenyl Trimethicone", "heavy-silicone", ("페닐트라이메티콘",)),
)
_SCRUBS = (
    M("Juglans Regia Shell Powder", "physical-exfoliant",
      ("walnut shell powder", "juglans regia (walnut) shell powder", "호두껍질가루")),
    M("Prunus Armeniaca Seed Powder", "physical-exfoliant",
      ("apricot seed powder", "apricot kernel powder", "prunus armeniaca (apricot) seed powder", "살구씨가루")),
    M("Pumice", "physical-exfoliant", ("퍼미스", "부석")),
    M("Perlite", "physical-exfoliant", ("펄라이트",)),
    M("Polyethylene", "physical-exfoliant", ("microbeads", "폴리에틸렌"), role="adjuster"),
)
_ALLERGENS = tuple(
    M(name, "fragrance-allergen", tuple(other)) for name, *other in (
        ("Amyl Cinnamal", "아밀신남알"), ("Amylcinnamyl Alcohol", "아밀신나밀알코올"),
        ("Anise Alcohol", "아니스알코올"), ("Benzyl Alcohol", "벤질알코올"),
        ("Benzyl Benzoate", "벤질벤조에이트"), ("Benzyl Cinnamate", "벤질신나메이트"),
        ("Benzyl Salicylate", "벤질살리실레이트"), ("Cinnamal", "신남알"),
        ("Cinnamyl Alcohol", "신나밀알코올"), ("Citral", "시트랄"), ("Citronellol", "시트로넬올"),
        ("Coumarin", "쿠마린"), ("Eugenol", "유제놀"), ("Farnesol", "파네솔"), ("Geraniol", "제라니올"),
        ("Hexyl Cinnamal", "hexyl cinnamic aldehyde", "헥실신남알"),
        ("Hydroxycitronellal", "하이드록시시트로넬알"),
        ("Hydroxyisohexyl 3-Cyclohexene Carboxaldehyde", "lyral", "하이드록시아이소헥실3-사이클로헥센카복스알데하이드"),
        ("Isoeugenol", "아이소유제놀"), ("Butylphenyl Methylpropional", "lilial", "부틸페닐메틸프로피오날"),
        ("Limonene", "d-limonene", "리모넨"), ("Linalool", "리날룰"),
        ("Methyl 2-Octynoate", "메틸2-옥티노에이트"),
        ("Alpha-Isomethyl Ionone", "알파-아이소메틸아이오논"),
        ("Evernia Prunastri Extract", "oakmoss extract", "evernia prunastri (oakmoss) extract", "참나무이끼추출물"),
        ("Evernia Furfuracea Extract", "treemoss extract", "evernia furfuracea (treemoss) extract", "나무이끼추출물"),
    )
)
_OTHERS = (
    M("Parfum", "fragrance", ("fragrance", "perfume", "aroma", "parfum (fragrance)", "향료")),
    M("Ethylhexyl Salicylate", "salicylate-filter", ("octisalate", "octyl salicylate", "에틸헥실살리실레이트")),
    M("Homosalate", "salicylate-filter", ("호모살레이트",)),
)

MEMBERS: tuple[Member, ...] = (_RETINOIDS + _AHAS + _BHAS + _PHAS + _OTHER_ACTIVES + _OCCLUSIVES + _SILICONES
                               + _SCRUBS + _ALLERGENS + _OTHERS)

# Names that are not in any class but that a label prints in many spellings.
WATER = ("water", "aqua", "eau", "aqua/water", "water/aqua", "aqua/water/eau", "purified water",
         "deionized water", "정제수", "물")
