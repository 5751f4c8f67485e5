"""Russian person names whose sex and case the name alone leaves open (a first name in -а with a surname in -ова
reads as a woman's nominative or a man's genitive), read from the name's place in the sentence: an interview's
speaker line, a sentence's subject before its verb, apposition to a post in the nominative or the genitive; and
names a body's word or a Latin name before them hid.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.entities.people import mans_first_name_in_a
from worker.entities.rules_ru import _ru_sex_by_case


def _people(text: str) -> set[str]:
    return {e.name for e in extract_entities({"body": text}, "ru") if e.type == "PERSON"}


def test_an_interview_speaker_line_is_a_woman_in_the_nominative() -> None:
    people = _people("Жители просят провести газ.\nКарлыгаша Нуржанова:\n— Воду привозят раз в неделю.")
    assert "Карлыгаша Нуржанова" in people, people
    assert "Карлыгаш Нуржанов" not in people, people


def test_a_subject_opening_a_sentence_before_a_present_verb() -> None:
    people = _people("Каждое утро Алтыншаша Жумабекова выпекает хлеб для всего села.")
    assert people == {"Алтыншаша Жумабекова"}, people


def test_a_woman_in_apposition_to_a_post_in_the_nominative() -> None:
    people = _people("В зале выступает директор районной библиотеки Кумысбала Ахметова.")
    assert people == {"Кумысбала Ахметова"}, people


def test_the_farthest_post_governs_the_case() -> None:
    text = "– Работы завершат в срок, – уточнила заместитель руководителя областного управления Бахытгуля Омарова."
    assert _people(text) == {"Бахытгуля Омарова"}


def test_a_mans_known_name_in_the_genitive_keeps_its_own_case() -> None:
    assert _people("Встречу провел заместитель акима района Бакытжана Оспанова.") == {"Бакытжан Оспанов"}


def test_an_undeclined_first_name_after_a_post_in_the_genitive_is_a_man() -> None:
    assert _people("Зрители увидели постановку режиссера Алиби Сейтжанова.") == {"Алиби Сейтжанов"}
    assert _people("Мы спросили мнение доктора экономических наук Толеутай Кенжебекова.") == {"Толеутай Кенжебеков"}


def test_a_daughter_of_someone_named_in_apposition() -> None:
    text = "— Отец ни в чем не виноват, — говорила в суде дочь осужденного Сауытбала Каримова."
    assert _people(text) == {"Сауытбала Каримова"}


def test_a_lone_surname_after_a_judge_in_the_nominative() -> None:
    assert _people("– Жалоба отклонена, – огласила решение судья Кабенова.") == {"Кабенова"}


def test_a_womans_verb_after_an_apposition_between_commas() -> None:
    assert _people("Блогер Тома Ниязова, автор канала о путешествиях, сняла новый ролик.") == {"Тома Ниязова"}


def test_a_singer_opening_a_headline_before_a_name_of_no_russian_shape() -> None:
    assert _people("Певица Клава Кока приехала в Алматы.") == {"Клава Кока"}


def test_a_name_after_a_bodys_word_in_apposition_to_the_post() -> None:
    text = "Об этом сообщила директор фонда Ирина Логинова."
    found = {e.name: e.type for e in extract_entities({"body": text}, "ru")}
    assert found.get("Ирина Логинова") == "PERSON", found


def test_a_cyrillic_name_after_a_latin_one_and_its_initial() -> None:
    text = (
        "Об этом сообщила директор фонда Green Steppe Fund Ирина Логинова. «Мы продолжим работу», - сообщила "
        "И. Логинова в пятницу."
    )
    people = _people(text)
    assert people == {"Ирина Логинова"}, people


def test_a_mans_first_name_in_a_is_no_sign_of_a_woman() -> None:
    assert mans_first_name_in_a("Никита") and mans_first_name_in_a("Бактыкожа")
    assert not mans_first_name_in_a("Гульбахира")
    text = "Каждую зиму Муса Кекилбаева ездит в горы."
    assert _ru_sex_by_case(text, text.index("Муса"), text.index(" ездит"), "Муса Кекилбаева") == ""


def test_a_surname_in_capitals_in_an_oblique_case_is_no_byline() -> None:
    assert _people("Суд назначил пять лет и её сестре Гайни ТУЛЕГЕНОВОЙ.") == {"Гайни Тулегенова"}


def test_a_surname_in_capitals_after_a_post_in_the_genitive() -> None:
    assert _people("Решение судьи Сабыржана КУАТОВА обжаловали в апелляции.") == {"Сабыржан Куатов"}


def test_a_word_before_a_name_with_its_surname_in_capitals() -> None:
    people = _people("Актриса Айсулу ЖАКСЫБЕКОВА рассказала о фильме. - Мы долго спорили, - призналась Айсулу.")
    assert people == {"Айсулу Жаксыбекова"}, people


def test_a_participle_or_a_kinship_noun_opening_a_sentence() -> None:
    assert _people("Председательствующий Кубанычбек Осмонов объявил перерыв.") == {"Кубанычбек Осмонов"}
    assert _people("Супруг Майи Тулеповой работает в Павлодаре.") == {"Майя Тулепова"}


def test_names_in_a_list_share_its_case() -> None:
    people = _people("На выставке покажут работы Марка Шагала, Хоана Миро и Пабло Пикассо.")
    assert "Хоан Миро" in people, people
    people = _people("В зале висят картины Алексея Степанова, Евгения Сидоркина и других мастеров.")
    assert "Евгений Сидоркин" in people, people


def test_a_list_of_women_keeps_a_known_womans_name() -> None:
    people = _people("Фильм сняли режиссеры Аида Курманова и Рина Наумова.")
    assert "Аида Курманова" in people, people


def test_another_person_with_a_known_persons_surname() -> None:
    text = "Жалобу на акима Нуржана Рымбаева рассмотрят в суде."
    found = {e.name: e.entity_id for e in extract_entities({"body": text}, "ru")}
    assert "Нуржан Рымбаев" in found, found
    known = {e.entity_id for e in extract_entities({"body": "На концерте выступила Роза Рымбаева."}, "ru")}
    assert found["Нуржан Рымбаев"] not in known


def test_a_mans_name_after_a_companys_word() -> None:
    people = _people("Интервью дал директор строительной компании Ержигит Канапин.")
    assert people == {"Ержигит Канапин"}, people


def test_a_womans_verb_of_another_subject_after_a_mans_genitive() -> None:
    assert _people("Новость о задержании Нурлана Тасбулатова облетела весь город.") == {"Нурлан Тасбулатов"}


def test_a_womans_short_participle_before_her_name() -> None:
    assert _people("Лучшей спортсменкой года признана Сымбата Абенова.") == {"Сымбата Абенова"}


def test_a_post_of_a_government_in_the_genitive() -> None:
    assert _people("Журналисты спросили у вице-премьера Ералы Сейтова о ценах.") == {"Ералы Сейтов"}


def test_a_known_person_keeps_the_gazetteers_sex() -> None:
    assert _people("Письмо передали в приемную Ералы Тугжанова.") == {"Ералы Тугжанов"}


def test_a_noun_for_where_people_are_from_opening_a_sentence() -> None:
    people = _people("Казахстанки Асылжан Тулегенова и Айя Нупбекова выиграли турнир.")
    assert "Асылжан Тулегенова" in people, people


def test_a_mans_first_name_in_a_declines_as_a_womans() -> None:
    assert _people("Фестиваль открылся премьерой фильма Никиты Михалкова.") == {"Никита Михалков"}
    people = _people("Казахстанец встретился с представителем Грузии Лукой Мхеидзе. Соперник Лука Мхеидзе был сильнее.")
    assert people == {"Лука Мхеидзе"}, people


def test_a_known_first_name_declined_before_a_surname_in_the_nominative() -> None:
    assert _people("Аналитик Галымжана Айтказин предупредил об ослаблении тенге.") == {"Галымжан Айтказин"}


def test_a_first_name_like_a_place_declined_with_its_surname() -> None:
    people = _people("В зале висят полотна Абылхана Кастеева, Орала Сейткалиева и других мастеров.")
    assert "Орал Сейткалиев" in people, people


def test_a_family_word_opening_a_sentence_before_a_surname() -> None:
    assert _people("Дети Сарсенова обратились в суд с жалобой.") == {"Сарсенов"}


def test_a_persons_other_name_in_brackets_is_the_same_person() -> None:
    text = "Певица и блогер Зара Ночка (Зарема Ахмедова) записала новую песню. Зара Ночка готовит тур."
    people = _people(text)
    assert people == {"Зара Ночка"}, people


def test_a_subject_the_next_sentence_calls_she() -> None:
    people = _people("Сауытбала Омарова двадцать лет проработала в сельской школе. Она помнит всех учеников.")
    assert people == {"Сауытбала Омарова"}, people
    # a man's known name in the genitive put first stays a man's, whoever Она is
    people = _people("Мурата Сейтова поздравила с юбилеем жена. Она испекла торт.")
    assert people == {"Мурат Сейтов"}, people


def test_a_mans_known_name_put_first_as_an_object_stays_a_man() -> None:
    assert _people("Нурлана Абдиева беспокоит состояние дорог.") == {"Нурлан Абдиев"}


def test_a_first_name_in_im_before_a_surname_in_capitals() -> None:
    text = "План выполнен, - докладывал начальник отдела сельского хозяйства Карим ЖАКСЫБЕКОВ. - Работы идут."
    assert "Карим Жаксыбеков" in _people(text)


def test_a_genitive_preposition_before_an_undeclined_first_name() -> None:
    assert _people("Журналисты взяли комментарий у Алиби Тасжанова.") == {"Алиби Тасжанов"}


def test_a_participle_with_a_mans_known_name_in_the_genitive() -> None:
    text = "— Он был хорошим человеком, — говорила мать погибшего Нурлана Абдиева."
    assert _people(text) == {"Нурлан Абдиев"}


def test_a_known_womans_name_opening_a_clause_after_a_list() -> None:
    people = _people("На выставке работ Алексея Степанова, Зарина Омарова рассказала о своих планах.")
    assert "Зарина Омарова" in people, people


def test_a_deputys_post_in_one_word_opening_a_sentence() -> None:
    people = _people("Замакима Рустам Сейткали провел совещание. По словам Рустама Болатовича, школ хватает.")
    assert people == {"Рустам Сейткали"}, people
