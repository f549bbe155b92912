package dev.policygate.rules;

/**
 * One legal source of an obligation: the instrument (《中华人民共和国个人信息保护法》), the article
 * (第十七条第一款第一项) and the article's wording in Chinese ({@code textZh}, quoted).
 */
public record LegalBasis(String instrument, String article, String textZh) {
}
