"""Pools of invented people's names in many scripts, with the ASCII form used for e-mail addresses.

Shared by the sample bakery generator and the benchmark shop generator, so both look like the
international clientele of a Portland shop.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NamePool:
    language: str  # the customer's preferred language for notes: en, de, fr or es
    firsts: tuple[tuple[str, str], ...]  # (name, ASCII form)
    lasts: tuple[tuple[str, str], ...]
    family_first: bool = False  # display "Last First" (CJK custom)


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """``"Zoë=zoe José=jose Ann"`` → ``(("Zoë", "zoe"), ("José", "jose"), ("Ann", "ann"))``."""
    result = []
    for item in text.split():
        name, _, ascii_form = item.partition("=")
        result.append((name.replace("_", " "), (ascii_form or name).lower()))
    return tuple(result)


POOLS: tuple[tuple[NamePool, int], ...] = (
    (NamePool("en", _pairs(
        "Olivia Liam Emma Noah Ava Ethan Sophia Mason Harper Logan Amelia Lucas Evelyn Jack "
        "Abigail Owen Ella Wyatt Grace Henry Chloe Caleb Nora Isaac Hazel Eli Ruby Miles Violet "
        "Theo Zoë=zoe Aidan Maeve Declan Siobhan Ciarán=ciaran Priya Anjali Rohan Kwame Amara Tunde"
    ), _pairs(
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
        "Martin Jackson Thompson White Harris Clark Lewis Walker Young Allen King Wright Scott "
        "O'Brien=obrien O'Connor=oconnor McAllister=mcallister Nguyen-Smith=nguyensmith Patel "
        "Okafor Mensah Adeyemi Sullivan Fitzgerald Kowalski Novak"
    )), 46),
    (NamePool("es", _pairs(
        "José=jose María=maria Lucía=lucia Javier Sofía=sofia Mateo Valentina Diego Camila "
        "Alejandro Isabel Andrés=andres Ximena Santiago Paloma Joaquín=joaquin Inés=ines Rocío=rocio"
    ), _pairs(
        "García=garcia Álvarez=alvarez Rodríguez=rodriguez Martínez=martinez Hernández=hernandez "
        "López=lopez González=gonzalez Pérez=perez Sánchez=sanchez Ramírez=ramirez Torres Flores "
        "Muñoz=munoz Ortiz Castillo Peña=pena"
    )), 14),
    (NamePool("de", _pairs(
        "Jürgen=juergen Anneliese Lukas Lena Maximilian Sophie Felix Johanna Matthias Greta "
        "Jörg=joerg Käthe=kaethe Ulrich Friederike Tobias Hanna"
    ), _pairs(
        "Müller=mueller Schröder=schroeder Weiß=weiss Fischer Becker Hoffmann Schäfer=schaefer "
        "Koch Bauer Richter Klein Wolf Neumann Schwarz Zimmermann Krüger=krueger"
    )), 9),
    (NamePool("fr", _pairs(
        "Amélie=amelie Élodie=elodie François=francois Léa=lea Hélène=helene Benoît=benoit "
        "Chloé=chloe Étienne=etienne Margaux Théo=theo Camille Noémie=noemie Gaëlle=gaelle Loïc=loic"
    ), _pairs(
        "Dubois Lefèvre=lefevre Moreau Laurent Girard Bonnet Rousseau Fontaine Chevalier Mercier "
        "Lambert Faure Gauthier Dupont Lacroix Brûlé=brule"
    )), 9),
    (NamePool("en", _pairs(
        "Thảo=thao Minh Linh Huy Phương=phuong Quân=quan Ngọc=ngoc Tuấn=tuan Lan Bảo=bao"
    ), _pairs(
        "Nguyễn=nguyen Trần=tran Lê=le Phạm=pham Hoàng=hoang Võ=vo Đặng=dang Bùi=bui"
    )), 5),
    (NamePool("en", _pairs(
        "伟=wei 芳=fang 娜=na 敏=min 静=jing 磊=lei 洋=yang 艳=yan 杰=jie 婷=ting"
    ), _pairs(
        "王=wang 李=li 张=zhang 刘=liu 陈=chen 杨=yang 黄=huang 赵=zhao 周=zhou 吴=wu"
    ), family_first=True), 4),
    (NamePool("en", _pairs(
        "さくら=sakura 陽翔=haruto 結衣=yui 蓮=ren 美咲=misaki 大翔=hiroto 葵=aoi 悠真=yuma"
    ), _pairs(
        "佐藤=sato 鈴木=suzuki 高橋=takahashi 田中=tanaka 伊藤=ito 渡辺=watanabe 山本=yamamoto"
    ), family_first=True), 3),
    (NamePool("en", _pairs(
        "지우=jiwoo 서연=seoyeon 민준=minjun 하은=haeun 도윤=doyun 수아=sua 예준=yejun"
    ), _pairs("김=kim 이=lee 박=park 최=choi 정=jung 강=kang 조=cho"), family_first=True), 3),
    # Russian family names agree with the person's gender, so two pools.
    (NamePool("en", _pairs(
        "Анастасия=anastasia Ольга=olga Наталья=natalia Ирина=irina"
    ), _pairs("Иванова=ivanova Смирнова=smirnova Попова=popova Волкова=volkova")), 2),
    (NamePool("en", _pairs(
        "Дмитрий=dmitri Сергей=sergei Алексей=alexei Михаил=mikhail"
    ), _pairs("Петров=petrov Кузнецов=kuznetsov Соколов=sokolov Морозов=morozov")), 1),
    (NamePool("en", _pairs(
        "فاطمة=fatima محمد=mohammed ليلى=layla عمر=omar نور=nour يوسف=youssef مريم=maryam"
    ), _pairs(
        "حداد=haddad خوري=khoury منصور=mansour العلي=alali سعيد=saeed ناصر=nasser"
    )), 2),
    (NamePool("en", _pairs(
        "Γιώργος=giorgos Ελένη=eleni Νίκος=nikos Μαρία=maria Δημήτρης=dimitris Σοφία=sofia"
    ), _pairs("Παπαδόπουλος=papadopoulos Οικονόμου=oikonomou Γεωργίου=georgiou Αλεξίου=alexiou")), 2),
)


def display_name(pool: NamePool, first: str, last: str) -> str:
    """How the shop writes the name: family name first for Chinese, Japanese and Korean."""
    return f"{last}{first}" if pool.family_first else f"{first} {last}"
