"""Agency vocabulary: the words that start an agency's name, group and person heads, abbreviations,
and the official names a spelling is matched to.

Every head word is here once; tests/cases/agency_heads.yaml holds its examples (phrases that must
and must not start an agency's name) and a test checks each word has one. The extractors build
their patterns from :data:`HEAD`, :data:`GROUP_HEAD` and :data:`PERSON_HEAD`, never from a copy.
"""

from __future__ import annotations

from .. import rx

HEAD_WORDS: tuple[str, ...] = (
    r"Sở(?!\s+hữu)",  # "sở hữu" (ownership) is no agency
    r"Ban(?!\s+hành)",  # "ban hành" (to issue) is a verb
    r"Cục(?!\s+bộ)",  # "cục bộ" (local)
    r"Chi\s+cục",
    r"Chi\s+nhánh",
    r"(?:Ủy|Uỷ|ỦY|UỶ)\s+(?:ban|BAN)",
    r"UBND",
    r"Văn\s+phòng",
    r"VP",
    r"Công\s+an",
    r"Bộ\s+Chỉ\s+huy",
    r"BCH(?:QS|BĐBP)?",  # "BCH Quân sự tỉnh", "BCH BĐBP tỉnh" (Bộ Chỉ huy), glued: "BCHQS tỉnh"
    r"Bộ\s+đội\s+[Bb]iên\s+phòng",
    r"BĐBP",
    r"Bộ(?=\s+(?-i:\p{Lu}))",  # a ministry has a capitalised name (in patterns that ignore case too); "Bộ tiêu chí" is no agency
    r"Bảo\s+hiểm",
    r"BHXH",
    r"Ngân\s+hàng",
    r"NHNN",
    r"Hiệp\s+hội",
    r"Hội\s+đồng",
    r"HĐND",
    r"Hội(?!\s+(?:nghị|nhập|thảo|thi|chợ|diễn|đàm))",  # events and "hội nhập" (integration)
    r"Liên\s+đoàn",
    r"Liên\s+minh",
    r"Liên\s+hiệp",
    r"Trung\s+tâm",
    r"Đài",
    r"Báo(?!\s+cáo)",  # "báo cáo" (report)
    r"Tạp\s+chí(?=\s+(?-i:\p{Lu}))",  # a journal by its name ("Tạp chí Nông nghiệp"); "tạp chí khoa học" is none
    r"Vụ(?=\s+(?-i:\p{Lu}))(?!\s+(?:Đông|Hè|Thu|Mùa|Xuân|Chiêm)\b)",  # a ministry's department ("Vụ Pháp chế"); not a crop season
    r"Trường(?!\s+hợp)",  # "trường hợp" (in case)
    r"Kho\s+bạc",
    r"Thanh\s+tra(?![,\s]+(?:kiểm\s+tra|việc|các|chuyên\s+ngành|đột\s+xuất))",  # the activity, not the agency
    r"Tỉnh\s+đoàn",
    r"Tỉnh\s+(?:ủy|uỷ)",
    r"(?:Huyện|Thành|Thị|Quận)\s+(?:đoàn|ủy|uỷ)",  # a district's, city's or town's youth union or Party committee
    r"Đảng\s+(?:ủy|uỷ)",
    r"Cấp\s+(?:ủy|uỷ)",  # "Cấp ủy, chính quyền các cấp", "Cấp ủy Đảng …": the Party committees of every level
    r"Phòng(?=\s+(?-i:\p{Lu}))",  # a district's office ("Phòng Tài chính - Kế hoạch"); "Phòng, chống …" is prevention
    r"Đoàn(?!\s+kết)",  # "đoàn kết" (solidarity)
    r"Mặt\s+trận",
    r"MTTQ",
    r"Cổng",
    r"Quỹ(?!\s+đất)",  # "quỹ đất" (land reserve)
    r"Viện(?!\s+phí)",  # "viện phí" (hospital fees)
    r"(?:Tổng|TỔNG)\s+(?:[Cc]ông|CÔNG)\s+(?:[Tt]y|TY)",  # "Tổng công ty", "Tổng Công ty", "TỔNG CÔNG TY"
    r"(?:Công|CÔNG)\s+(?:[Tt]y|TY)",
    r"Bệnh\s+viện",
    r"Thuế",
    r"Hải\s+quan",
    r"Điện\s+lực",
    r"(?:Viễn\s+thông|Bưu\s+điện)(?=\s+(?:[A-ZĐ]|tỉnh\b|thành\s+phố))",  # a province's telecom or post ("Viễn thông Lào Cai");
    # "viễn thông" and "bưu điện" are also the sectors ("hạ tầng viễn thông", "Bưu điện văn hóa xã")
    r"VNPT",
    r"Viettel",
    r"T(?:òa|oà)\s+án",
    r"BQL",
    r"Thường\s+trực",
    r"Trạm(?=\s+(?-i:\p{Lu}))",  # a station by its name ("Trạm Y tế xã", "Trạm Khuyến nông"); "trạm bơm" is none
    r"Khoa(?=\s+(?-i:\p{Lu}))(?!\s+Học)",  # a hospital's department ("Khoa Khám bệnh", "Khoa Dược"); "khoa học" is none
    r"Lực\s+lượng(?=\s+(?-i:\p{Lu}))",  # a force by its name ("Lực lượng Công an", "lực lượng Công an xã"); "lực lượng lao động" is none
)
"""Words that start an agency's name ("Sở Tài chính", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh"),
with the guards that keep look-alike words out ("Ban hành", "Báo cáo", "Trường hợp")."""

HEAD = "(?:" + "|".join(HEAD_WORDS) + ")"
"""One pattern for :data:`HEAD_WORDS` (a regex fragment, not anchored)."""

GROUP_WORDS: tuple[str, ...] = (r"sở", r"Sở", r"cơ\s+quan", r"đơn\s+vị", r"ngành", r"doanh\s+nghiệp", r"tổ\s+chức",
                                r"địa\s+phương", r"hội(?!\s+viên)", r"đoàn\s+thể", r"phòng(?!\s+học)", r"ban(?!\s+đầu)",
                                r"thành\s+viên")  # "Các thành viên Ban Chỉ đạo": the member agencies
GROUP_HEAD = r"(?:[Cc]ác\s+(?:" + "|".join(GROUP_WORDS) + "))"
"""A group of agencies by what they are: "Các sở, ban, ngành liên quan", "các đơn vị"."""

BODY_WORDS: tuple[str, ...] = (
    r"Tổng\s+cục", r"Tập\s+đoàn", r"Bưu\s+điện", r"Đội", r"Tổ(?!\s+(?:chức|quốc))", r"Hạt", r"Học\s+viện",
    r"Đại\s+học", r"Cao\s+đẳng", r"Lực\s+lượng", r"Cảnh\s+sát", r"Kiểm\s+lâm", r"Chi\s+bộ", r"Đảng\s+bộ", r"Khối",
    r"Đồn", r"Cảng\s+vụ", r"Hãng", r"Câu\s+lạc\s+bộ", r"Bảo\s+tàng", r"Thư\s+viện", r"Nhà\s+(?:hát|văn\s+hóa|xuất\s+bản)",
    r"Bộ\s+phận", r"Công\s+chức",  # a commune's desk or civil servant by post ("Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch")
    r"Vụ(?=\s+\p{Lu})(?!\s+(?:Đông|Xuân|Hè|Thu|Mùa|Chiêm)(?!\p{Ll}))",  # a ministry's department ("Vụ Pháp chế");
    # not a crop season ("Vụ Đông Xuân", "Vụ Hè Thu"), nor "vụ" in lower case (a case, a duty)
)
"""Words that start a body's name too but part no list of names (too common inside names and sentences to
split at): a lead that opens with one reads as a name ("Đội Quản lý thị trường số 1", "Tổ công tác …")."""

GROUP_NOUNS: tuple[str, ...] = (
    r"sở", r"ban", r"ngành", r"phòng", r"hội(?!\s+viên)", r"đoàn\s+thể", r"hiệp\s+hội", r"doanh\s+nghiệp", r"hợp\s+tác\s+xã",
    r"bệnh\s+viện", r"trường", r"cơ\s+sở", r"đảng\s+bộ", r"chi\s+bộ", r"cấp\s+ủy", r"đại\s+sứ\s+quán", r"lực\s+lượng",
    r"chủ\s+(?:đầu\s+tư|rừng|cơ\s+sở|hộ)", r"nhà\s+(?:đầu\s+tư|cung\s+cấp|trường)", r"ủy\s+ban\s+nhân\s+dân", r"ubnd",
    r"viện", r"chính\s+quyền", r"cơ\s+quan\s+(?:báo\s+chí|thông\s+tấn|truyền\s+thông)", r"thôn", r"tổ\s+dân\s+phố",
    r"khu\s+phố", r"ấp", r"tỉnh", r"huyện", r"quận", r"thị\s+xã", r"thành\s+phố", r"xã", r"phường", r"đặc\s+khu",
)
"""Bodies a lead may name as a group by what they are ("Các sở, ban, ngành", "Các chủ đầu tư", "Các bệnh viện …")."""

GENERIC_GROUP_NOUNS: tuple[str, ...] = (
    r"cơ\s+quan", r"đơn\s+vị", r"tổ\s+chức", r"địa\s+phương", r"thành\s+viên",
)
"""Group nouns that say which bodies only with words after them: "Các đơn vị thuộc Sở", "Các cơ quan, đơn vị
thành viên" are leads; "Các đơn vị", "Các cơ quan, đơn vị" alone name no one."""

DUTY_VERBS: tuple[str, ...] = (
    r"chủ\s+trì", r"phối\s+hợp", r"tổng\s+kết", r"tổng\s+hợp", r"sơ\s+kết", r"triển\s+khai", r"thực\s+hiện",
    r"(?<!các\s)(?<!những\s)(?<!và\s)(?<![Bb]an\s)tổ\s+chức", r"hướng\s+dẫn", r"theo\s+dõi", r"đôn\s+đốc",
    r"tham\s+mưu", r"đề\s+xuất", r"rà\s+soát", r"tuyên\s+truyền", r"tiếp\s+tục", r"chịu\s+trách\s+nhiệm",
    r"có\s+trách\s+nhiệm", r"căn\s+cứ", r"bố\s+trí", r"vận\s+động", r"báo\s+cáo", r"gửi", r"phân\s+công",
    r"lựa\s+chọn", r"biểu\s+dương", r"tôn\s+vinh", r"giám\s+sát", r"đánh\s+giá", r"thẩm\s+định", r"kiểm\s+tra",
)
"""Verbs of a duty that end an agency's name in a sentence ("Ban Thi đua - Khen thưởng | tổng kết phong trào …"):
none of them is written in lower case inside a name, as "quản lý", "xây dựng", "đầu tư" are ("Ban Quản lý dự án
đầu tư xây dựng"), or "trình", "cử", "chỉ đạo" are ("công trình", "Ban bầu cử", "Ban chỉ đạo"); "ban tổ chức"
is an organising committee. A body named by its work right after its kind ("Hội đồng thẩm định …", "Đoàn kiểm
tra …", "Ban giám sát …") and a committee that names its purpose ("Ban Chỉ đạo thực hiện …", "Tổ công tác triển
khai …") keep it (:func:`kehoach.extract.agencies.trim_known`)."""

PARTY_COMMITTEE = r"(?:(?:Tỉnh|Huyện|Thành|Quận|Thị|Đảng)\s+(?:ủy|uỷ)|Đảng\s+bộ)"
"""A Party committee by its level ("Tỉnh ủy", "Đảng ủy xã"): the owner named after the organs it has."""
PARTY_ORGAN = (r"(?:Ban\s+(?:Tuyên\s+giáo(?:\s+và\s+Dân\s+vận)?|Tổ\s+chức|Dân\s+vận|Nội\s+chính|Thường\s+vụ|Chấp\s+hành"
               r"|Kinh\s+tế|Bảo\s+vệ\s+sức\s+khỏe\s+cán\s+bộ)|(?:Ủy|Uỷ)\s+ban\s+Kiểm\s+tra|Văn\s+phòng|Trường\s+Chính\s+trị)")
"""Organs of a Party committee, whose name goes on with the committee's ("Ban Tuyên giáo Tỉnh ủy", "Ủy ban Kiểm
tra Huyện ủy"): a line that ends on one, before a line that opens with the committee, is one name wrapped."""

OFFICE_HOLDERS = r"(?:Chủ\s+tịch|Thủ\s+trưởng|Giám\s+đốc|Trưởng|Người\s+đứng\s+đầu|Lãnh\s+đạo)"
"""An office whose holder leads for a body named after it: "Chủ tịch UBND các xã", "Giám đốc Sở Y tế", "Lãnh đạo UBND
tỉnh" (its leaders)."""

ACTOR_HEAD = r"(?:Doanh\s+nghiệp|Hợp\s+tác\s+xã)"
"""Those a plan assigns work to that are not public bodies: "Doanh nghiệp trên địa bàn tỉnh"."""

PEOPLE_HEAD = (r"(?:Người\s+dân|Nhân\s+dân|Cộng\s+đồng(?:\s+dân\s+cư)?|Hộ\s+gia\s+đình|Hộ\s+kinh\s+doanh|Người\s+lao\s+động"
               r"|Người\s+sử\s+dụng\s+lao\s+động|Nhà\s+đầu\s+tư|Chủ\s+đầu\s+tư|Tổ\s+chức,\s+cá\s+nhân|Cá\s+nhân)(?!\p{L})")
"""Others a plan's implementation part may address, neither public bodies nor businesses: "Người dân: tích cực tham gia
…", "Nhà đầu tư: …". Read only as the addressee an item opens with (with :data:`ACTOR_HEAD`), never as a name in a cell."""

ASSIGN = r"(?:Giao\s+trách\s+nhiệm(?:\s+cho)?|Giao\s+cho|Giao|Đề\s+nghị|Yêu\s+cầu)"
"""Words that hand a task to the agency after them: "Giao Sở Tài chính chủ trì …", "Đề nghị Ủy ban Mặt trận …"."""

PERSON_HEAD = (r"(?:Thủ\s+trưởng|Chủ\s+tịch|Giám\s+đốc(?=\s+(?:Sở|Công\s+an|Đài|Trung\s+tâm|Bảo\s+hiểm|Kho\s+bạc|Cục|Ban)\b)"
               r"|Trưởng(?=\s+(?:các\s+)?(?:thôn|bản|ấp|xóm|buôn|làng|khóm|sóc|tổ\s+dân\s+phố"
               r"|khu\s+phố|khu\s+dân\s+cư)\b))")
"""A person named by office, who leads as the agency does: "Chủ tịch UBND các huyện", "Thủ trưởng các sở", "Giám đốc Sở
Y tế", the head of a hamlet or residential group ("Trưởng các thôn", "Trưởng thôn, tổ dân phố")."""

GLUED_HEAD = (r"(?:Sở|UBND|Ủy\s+ban\s+nhân\s+dân|Công\s+an|Ban\s+Quản\s+lý|(?<!\bHải\s)Phòng|(?<!\bnhánh\s)(?<!\bTổng\s)Công\s+ty"
              r"|(?<!\bvụ\s)(?<!\bương\s)(?<!\btrực\s)(?<!\bphòng\s)(?<!\bcông\s)(?:Hội|Liên\s+đoàn|Đoàn(?=\s+Thanh\s+niên)))")
"""Heads so unambiguous that a name glued to the one before it ("Sở A Sở B", "Công ty A Công ty B") is
parted there ("Hải Phòng" is a city; "Chi nhánh Công ty …", "Tổng Công ty …" are one name; "Ban Thường vụ Hội …", "Trung ương Hội …", "Ban Nữ công Liên đoàn …" name a body of
the association)."""

CUT_HEAD_WORD = (r"(?:Sở|Ban|(?:Ủy|Uỷ)\s+ban|Trung\s+tâm|Phòng|Văn\s+phòng|Chi\s+cục|Cục|Bộ(?:\s+Chỉ\s+huy)?|Chi\s+nhánh"
                 r"|Liên\s+hiệp|Liên\s+đoàn|Ngân\s+hàng|Kho\s+bạc|Bảo\s+hiểm|Bệnh\s+viện|Hội\s+đồng|Mặt\s+trận"
                 r"|(?:Tổng\s+)?[Cc]ông\s+ty)")
"""Head words that a name follows ("Sở" of "Sở Y tế"), as a fragment."""
CUT_HEAD = rf"(?:(?:^|[,;:(]\s*|\s(?:và|với)\s+){CUT_HEAD_WORD}|\s(?:Ủy|Uỷ))\s*$"
"""A text that ends in a head word with no name after it, where a name starts ("Trung tâm", "…; Sở",
"… phối hợp với Sở", "Văn phòng Ủy"): an agency's name cut, its rest elsewhere (in the next column of a table read
from its words). Not one that names the issuing body ("Văn phòng Sở", "các đơn vị thuộc Sở")."""

LEVEL = r"(?:tỉnh|huyện|quận|thị\s+xã|thị\s+trấn|thành\s+phố|xã|phường|đặc\s+khu)"
CONNECTORS = r"và|hoặc|các|những|của|cùng|với"
"""Words that join the parts of a name or a list, and so never end one ("… Đại sứ quán và", "UBND các")."""
"""The level word that ends a local agency's name ("Hội Nông dân huyện", "UBND các xã, thị trấn")."""

LEVEL_GLUED_HEAD = (r"(?:(?:Sở|Phòng|Hội|Ban|Trung\s+tâm|Văn\s+phòng|Liên\s+đoàn|Chi\s+cục|Mặt\s+trận|Kho\s+bạc|Bảo\s+hiểm|Trạm"
                    r"|Bệnh\s+viện)\s+\p{Lu}"
                    r"|(?:UBND|(?:Ủy|Uỷ)\s+ban|Công\s+an|MTTQ|BHXH|(?:Huyện|Thành|Thị|Tỉnh)\s+đoàn|Trưởng|Chủ\s+tịch|Thủ\s+trưởng)\b)")
"""Heads that part a name glued after a level word ("Hội Liên hiệp Phụ nữ huyện Hội Nông dân huyện", the
lines of a cell that lists one agency a line, read from a PDF); the heads that may start a place's name
("xã Đoàn Kết", "xã Đài Xuyên") are left out."""

NAME_LEADS = r"(?:(?:tỉnh|huyện|thành|quận|thị|đảng)\s+ủy|khu\s+kinh\s+tế|khu\s+công\s+nghiệp|cụm\s+công\s+nghiệp|vịnh|vườn\s+quốc\s+gia|đại\s+học|cửa\s+khẩu|trung\s+học\s+(?:phổ\s+thông|cơ\s+sở))"
"""Lower-case words a proper name follows in an agency's name, as a level word precedes a place: "Ban Quản lý
khu kinh tế Vân Đồn", "Trường Đại học Cần Thơ"."""
PROPER_NAMES = ["Thanh niên Cộng sản Hồ Chí Minh", "Mặt trận Tổ quốc", "Việt Nam", "Hồ Chí Minh", "Đảng", "Cộng sản"]
"""Names kept in capitals wherever an agency's name written in capitals has them ("Đảng": the Party)."""
KINDS_IN_NAME = ["Khối", "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Quận ủy", "Thị ủy", "Đảng ủy", "Đảng bộ", "Liên hiệp",
                 "Ủy ban nhân dân", "Hội đồng nhân dân", "Đại học", "Cao đẳng", "Trung học phổ thông", "Trung học cơ sở"]
"""Kinds of body capitalised inside a name written in capitals as at its head: "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" ->
"Đảng ủy Khối các cơ quan tỉnh", "BAN THƯỜNG VỤ TỈNH ỦY" -> "Ban Thường vụ Tỉnh ủy"."""

ABBREVIATIONS: list[tuple[str, str]] = [
    (r"UBND", "Ủy ban nhân dân"), (r"HĐND", "Hội đồng nhân dân"), (r"BQL", "Ban Quản lý"),
    (r"THPT", "Trung học phổ thông"), (r"THCS", "Trung học cơ sở"),  # a school's level: "TRƯỜNG THPT X"
    (r"KKT", "khu kinh tế"), (r"KCN", "khu công nghiệp"), (r"CCN", "cụm công nghiệp"), (r"VP", "Văn phòng"),
    (r"BHXH", "Bảo hiểm xã hội"), (r"NHNN", "Ngân hàng Nhà nước"), (r"MTTQ", "Mặt trận Tổ quốc"),
    (r"BCHQS(?=\s+(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|đặc\s+khu)\b)", "Ban Chỉ huy Quân sự"),  # glued: "BCHQS xã"
    (r"BCHQS", "Bộ Chỉ huy Quân sự"), (r"BCHBĐBP", "Bộ Chỉ huy Bộ đội Biên phòng"),
    (r"BCH(?=\s+(?:Đoàn|ĐOÀN|Công\s+đoàn|CÔNG\s+ĐOÀN|Hội|HỘI)\b)", "Ban Chấp hành"),  # a union's committee: "BCH Đoàn tỉnh"
    (r"BCH(?=\s*(?:Quân\s+sự|QS)\s+(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|đặc\s+khu)\b)", "Ban Chỉ huy"),  # a commune's
    (r"BCH", "Bộ Chỉ huy"), (r"QS", "Quân sự"), (r"BĐBP", "Bộ đội Biên phòng"),
    (r"TN\s*&\s*MT|TNMT", "Tài nguyên và Môi trường"),
    (r"LĐ\s*-?\s*TB\s*&\s*XH|LĐTBXH|LĐ\s*-\s*TBXH|Lao\s+động\s*-?\s*TB\s*&?\s*XH|Lao\s+động\s+TBXH",
     "Lao động - Thương binh và Xã hội"),
    (r"NN\s*&\s*PTNT|NNPTNT|NN\s*và\s*PTNT", "Nông nghiệp và Phát triển nông thôn"),
    (r"NN\s*&\s*MT", "Nông nghiệp và Môi trường"),
    (r"TT\s*&\s*TT|TTTT", "Thông tin và Truyền thông"), (r"KH\s*&\s*ĐT|KHĐT", "Kế hoạch và Đầu tư"),
    (r"KH\s*&\s*CN|KHCN", "Khoa học và Công nghệ"), (r"GD\s*&\s*ĐT|GDĐT", "Giáo dục và Đào tạo"),
    (r"VH\s*,?\s*TT\s*&\s*DL|VHTTDL", "Văn hóa, Thể thao và Du lịch"), (r"GTVT", "Giao thông vận tải"),
    (r"DT\s*&\s*TG|DTTG", "Dân tộc và Tôn giáo"), (r"VH\s*&\s*TT", "Văn hóa và Thể thao"),  # departments of 2025
    (r"PTTH|PT\s*-\s*TH", "Phát thanh - Truyền hình"), (r"DN", "doanh nghiệp"),
]
"""Abbreviations in agency names and what they stand for (a pattern per spelling: "TN&MT", "TNMT")."""

DEPARTMENTS: list[str] = [
    "Công Thương", "Kế hoạch và Đầu tư", "Tài chính", "Tài nguyên và Môi trường", "Nội vụ", "Tư pháp",
    "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Thông tin và Truyền thông", "Văn hóa, Thể thao và Du lịch",
    "Lao động - Thương binh và Xã hội", "Nông nghiệp và Phát triển nông thôn", "Khoa học và Công nghệ",
    "Giao thông vận tải", "Ngoại vụ", "Nông nghiệp và Môi trường", "Dân tộc và Tôn giáo",
    "Văn hóa và Thể thao", "Du lịch", "Văn hóa - Thể thao", "Kế hoạch - Đầu tư",
]
"""Official names of provincial departments (after "Sở "), matched without tones, case or punctuation."""

UNITS: list[str] = [
    "Ban Quản lý khu kinh tế và các khu công nghiệp", "Ban Quản lý các khu công nghiệp",
    "Ban Quản lý khu kinh tế", "Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân",
    "Cục Thuế tỉnh", "Công an tỉnh", "Bảo hiểm xã hội tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh",
    "Ủy ban nhân dân các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thành phố",
    "Ủy ban nhân dân huyện, thị xã, thành phố", "Ủy ban nhân dân huyện, thành phố",
    "Ủy ban nhân dân tỉnh", "Hiệp hội Doanh nghiệp tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
]
"""Official names of other agencies a spelling is matched to."""

COMMAND_ARMS = {"quân sự": "Quân sự", "bộ đội biên phòng": "Bộ đội Biên phòng"}
"""The arm a military command is named by, as its official name writes it after "Bộ Chỉ huy" / "Ban Chỉ huy", whatever
the place after it ("Bộ Chỉ huy Quân sự tỉnh An Hòa", "Ban Chỉ huy Quân sự xã Hòa Bình Tây"): the arm in lower case came out of
a name written in capitals ("BỘ CHỈ HUY QUÂN SỰ TỈNH …") and of plans that write it so."""

_STARTS = rx.compile(rf"^{HEAD}(?!\p{{Ll}})")


def starts_agency(text: str) -> bool:
    """Whether ``text`` starts with a word that starts an agency's name.

    >>> starts_agency("Chi nhánh Ngân hàng Chính sách xã hội tỉnh"), starts_agency("Báo cáo kết quả")
    (True, False)
    """
    return _STARTS.match(text) is not None
